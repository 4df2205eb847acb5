import { Tabs } from 'antd';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { CodeBatchesTab } from './code-batches-tab';
import { GiftCodesTab } from './gift-codes-tab';

/** 兑换码与礼品卡: staff code batches, and memberships customers bought as gifts. */
export default function MembershipCodesPage() {
  const { can } = useAuth();
  const items = [
    ...(can('codes.manage') ? [{ key: 'batches', label: '兑换码批次', children: <CodeBatchesTab /> }] : []),
    { key: 'gifts', label: '礼品卡（顾客赠送）', children: <GiftCodesTab /> },
  ];
  return (
    <>
      <PageHeader title="兑换码与礼品卡">
        兑换码每个只能使用一次；顾客在小程序「兑换会员」输入后，会员期从兑换时开始（同一会员卡则接在当前会员期之后），并可领取开卡礼。礼品卡的会费在兑换前计入递延收入。
      </PageHeader>
      <Tabs items={items} />
    </>
  );
}
