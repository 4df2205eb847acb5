import { Result } from 'antd';

export function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="当前角色不能使用此页面，如需权限请联系管理员。" />;
}
