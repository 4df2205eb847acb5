import { Tabs } from 'antd';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { CallListTab } from './call-list-tab';
import { RulesTab } from './rules-tab';
import { StatsTab } from './stats-tab';

/** Renewal reminders: the rules, what they achieved, and the phone list for members WeChat cannot reach. */
export default function RemindersPage() {
  const { can } = useAuth();
  const tabs = [
    ...(can('reminders.read')
      ? [
          { key: 'stats', label: '提醒效果', children: <StatsTab /> },
          { key: 'rules', label: '提醒规则', children: <RulesTab /> },
        ]
      : []),
    ...(can('calls.work') ? [{ key: 'calls', label: '电话回访', children: <CallListTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title="续费提醒">
        按会员到期日（店铺时区）在规则设定的那一天发送微信订阅消息；会员没有订阅授权时改为小程序内提醒。每条提醒对每个到期日只发一次。
      </PageHeader>
      <Tabs items={tabs} destroyOnHidden />
    </>
  );
}
