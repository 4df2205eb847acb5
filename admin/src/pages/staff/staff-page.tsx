import type { StaffRole, StaffSummary } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { listStaff } from '../../api/staff';
import { ROLE_LABELS } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { useAsync } from '../../hooks/use-async';
import { StaffFormModal } from './staff-form-modal';

const ROLE_COLORS: Record<StaffRole, string> = { admin: 'red', operator: 'blue', finance: 'gold', support: 'green' };

export default function StaffPage() {
  const staff = useAsync(listStaff, []);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="员工账号"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        }
      >
        管理员：全部权限；运营：会员卡、商品、会员、订单（限额退款）；财务：只读、导出、退款审批；客服：查看会员与订单，可延期 ≤ 30 天。
      </PageHeader>
      <Table<StaffSummary>
        rowKey="id"
        loading={staff.loading}
        dataSource={staff.data}
        pagination={false}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 80 },
          { title: '用户名', dataIndex: 'username' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (role: StaffRole) => <Tag color={ROLE_COLORS[role]}>{ROLE_LABELS[role] ?? role}</Tag>,
          },
        ]}
      />
      <StaffFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void staff.reload();
        }}
      />
    </>
  );
}
