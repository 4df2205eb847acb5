import type { BenefitView, LifecycleStatus, MilestoneView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listBenefits } from '../../api/benefits';
import { listGiftPacks } from '../../api/gift-packs';
import { deleteMilestone, listMilestones, updateMilestone } from '../../api/milestones';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { MilestoneFormModal } from './milestone-form-modal';
import { EnumTag } from '../../components/enum-tag';
import { LifecycleActions } from '../../components/lifecycle-actions';
import { LIFECYCLE_STATUS } from '../../labels';

export default function MilestonesPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const milestones = useAsync(async () => (await listMilestones()).sort((a, b) => a.thresholdFen - b.thresholdFen), []);
  const options = useAsync(() => Promise.all([listGiftPacks(), listBenefits()]), []);
  const [editing, setEditing] = useState<{ milestone?: MilestoneView } | null>(null);

  async function remove(milestone: MilestoneView) {
    try {
      await deleteMilestone(milestone.id);
      showSuccess('里程碑已删除');
      await milestones.reload();
    } catch (e) {
      showError(e);
    }
  }

  async function move(milestone: MilestoneView, status: LifecycleStatus) {
    try {
      await updateMilestone(milestone.id, { status });
      showSuccess(status === 'ARCHIVED' ? '里程碑已归档：此后开始的会员期不再计入，已在进行的会员期照常可领' : '里程碑已启用');
      await milestones.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<MilestoneView> = [
    {
      title: '累计消费门槛',
      dataIndex: 'thresholdFen',
      align: 'right',
      width: 160,
      render: (fen: number) => formatFen(fen, { decimals: false }),
    },
    { title: '标题', dataIndex: 'title' },
    { title: '奖励礼包', key: 'giftPack', render: (_, m) => m.giftPack?.name ?? '—' },
    {
      title: '奖励权益',
      dataIndex: 'benefits',
      render: (benefits: BenefitView[]) => (benefits.length ? benefits.map((b) => <Tag key={b.id}>{b.title}</Tag>) : '—'),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: LifecycleStatus) => <EnumTag map={LIFECYCLE_STATUS} value={status} />,
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, milestone) => (
        <LifecycleActions
          status={milestone.status}
          noun="里程碑"
          onEdit={() => setEditing({ milestone })}
          onStatus={(to) => move(milestone, to)}
          onDelete={() => remove(milestone)}
        />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="消费里程碑"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建里程碑
            </Button>
          ) : null
        }
      >
        会员在有效期内商品订单累计实付（扣除退款）达到门槛后，每个会员期可领取一次奖励。草稿可删除；启用后只能归档，归档前已开始的会员期照常可领。
      </PageHeader>
      <Table<MilestoneView> rowKey="id" loading={milestones.loading} dataSource={milestones.data} columns={columns} pagination={false} />
      <MilestoneFormModal
        open={editing !== null}
        milestone={editing?.milestone}
        giftPacks={options.data?.[0] ?? []}
        benefits={options.data?.[1] ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void milestones.reload();
        }}
      />
    </>
  );
}
