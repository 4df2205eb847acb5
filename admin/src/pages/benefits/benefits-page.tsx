import type { BenefitType, BenefitView, LifecycleStatus } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { deleteBenefit, listBenefits, updateBenefit } from '../../api/benefits';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { BENEFIT_TYPE, LIFECYCLE_STATUS } from '../../labels';
import { describeConfig } from './benefit-config-fields';
import { BENEFIT_ICONS, BenefitFormModal } from './benefit-form-modal';
import { LifecycleActions } from '../../components/lifecycle-actions';

export default function BenefitsPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const benefits = useAsync(listBenefits, []);
  const [editing, setEditing] = useState<{ benefit?: BenefitView } | null>(null);

  async function remove(benefit: BenefitView) {
    try {
      await deleteBenefit(benefit.id);
      showSuccess('权益已删除');
      await benefits.reload();
    } catch (e) {
      showError(e);
    }
  }

  async function move(benefit: BenefitView, status: LifecycleStatus) {
    try {
      await updateBenefit(benefit.id, { status });
      showSuccess(status === 'ARCHIVED' ? '权益已归档：新会员不再获得，已持有的会员照常享有' : '权益已启用');
      await benefits.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<BenefitView> = [
    { title: '类型', dataIndex: 'type', width: 120, render: (type: BenefitType) => <EnumTag map={BENEFIT_TYPE} value={type} /> },
    { title: '标题', dataIndex: 'title' },
    { title: '说明', dataIndex: 'description', ellipsis: true },
    {
      title: '图标',
      dataIndex: 'icon',
      width: 90,
      render: (icon: string) => BENEFIT_ICONS.find((option) => option.value === icon)?.label ?? icon,
    },
    { title: '设置', key: 'config', render: (_, benefit) => describeConfig(benefit) ?? '—' },
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
      render: (_, benefit) => (
        <LifecycleActions
          status={benefit.status}
          noun="权益"
          onEdit={() => setEditing({ benefit })}
          onStatus={(to) => move(benefit, to)}
          onDelete={() => remove(benefit)}
        />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="会员权益"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建权益
            </Button>
          ) : null
        }
      >
        权益展示在会员卡页面，按类型生效（会员价、开卡礼、优先购、包邮等）。草稿不对外展示，可删除；启用后只能归档：归档的权益新会员不再获得，已购会员期照常享有。
      </PageHeader>
      <Table<BenefitView> rowKey="id" loading={benefits.loading} dataSource={benefits.data} columns={columns} pagination={false} />
      <BenefitFormModal
        open={editing !== null}
        benefit={editing?.benefit}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void benefits.reload();
        }}
      />
    </>
  );
}
