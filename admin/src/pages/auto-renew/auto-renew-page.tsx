import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, message, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatFen, type AdminAutoRenewContract, type AutoRenewContractStatus } from '@member-commerce/shared';
import { listAutoRenewContracts, runAutoRenew } from '../../api/auto-renew';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';

const STATUS: Record<AutoRenewContractStatus, { label: string; color: string }> = {
  PENDING_SIGN: { label: '待签约', color: 'default' },
  ACTIVE: { label: '生效中', color: 'green' },
  CANCELLED: { label: '已解约', color: 'red' },
};
const CANCELLED_BY: Record<string, string> = {
  CUSTOMER: '会员在商城取消',
  WECHAT: '会员在微信关闭',
  LAPSED: '扣款失败到期',
  STAFF: '员工',
};
const CYCLE: Record<string, string> = {
  NOTIFYING: '通知中',
  NOTIFIED: '已预通知',
  CHARGING: '扣款中',
  CHARGED: '已扣款',
  RETRY: '待重试',
  GRACE: '宽限期',
  LAPSED: '已到期',
  SKIPPED: '已跳过',
};

/** 自动续费: WeChat deduction contracts, their next charge, failed charges and grace periods. */
export default function AutoRenewPage() {
  const { can } = useAuth();
  const [status, setStatus] = useState<AutoRenewContractStatus | 'ALL'>('ALL');
  const [running, setRunning] = useState(false);
  const contracts = useAsync(() => listAutoRenewContracts(status === 'ALL' ? undefined : status), [status]);

  async function run() {
    setRunning(true);
    try {
      const result = await runAutoRenew();
      message.success(`已预通知 ${result.notified}，扣款成功 ${result.charged}，扣款失败 ${result.failed}`);
      await contracts.reload();
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <PageHeader
        title="自动续费"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void contracts.reload()}>
              刷新
            </Button>
            {can('reminders.run') && (
              <Button type="primary" icon={<PlayCircleOutlined />} loading={running} onClick={() => void run()}>
                立即执行一轮
              </Button>
            )}
          </Space>
        }
      >
        会员签约的微信委托代扣：到期前 5 天以上预通知扣款金额与日期，到期前 1 天扣款；失败会重试，之后进入宽限期，逾期会员到期并解约。
      </PageHeader>
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => setStatus(value as AutoRenewContractStatus | 'ALL')}
        options={[
          { label: '全部', value: 'ALL' },
          { label: '生效中', value: 'ACTIVE' },
          { label: '已解约', value: 'CANCELLED' },
          { label: '待签约', value: 'PENDING_SIGN' },
        ]}
      />
      <Table<AdminAutoRenewContract>
        rowKey="id"
        loading={contracts.loading}
        dataSource={contracts.data}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '会员', render: (_, c) => c.customer.nickname },
          { title: '会员卡', dataIndex: 'tierName' },
          { title: '每期金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: AutoRenewContractStatus, c) => (
              <Tag color={STATUS[s].color}>
                {STATUS[s].label}
                {c.cancelledBy ? `·${CANCELLED_BY[c.cancelledBy]}` : ''}
              </Tag>
            ),
          },
          { title: '下次扣款', dataIndex: 'nextChargeAt', render: formatTime },
          { title: '本期进度', dataIndex: 'lastCycleStatus', render: (s: string | null) => (s ? (CYCLE[s] ?? s) : '—') },
          {
            title: '扣款失败',
            dataIndex: 'failedCharges',
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color="orange">{n} 次</Tag> : 0),
          },
          {
            title: '失败原因',
            dataIndex: 'lastError',
            render: (error: AdminAutoRenewContract['lastError']) =>
              error ? (
                <Space direction="vertical" size={0}>
                  <span>{error.text}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    代码：{error.code}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '宽限期至', dataIndex: 'graceUntil', render: formatTime },
          { title: '签约时间', dataIndex: 'signedAt', render: formatTime },
          { title: '解约时间', dataIndex: 'cancelledAt', render: formatTime },
        ]}
      />
    </>
  );
}
