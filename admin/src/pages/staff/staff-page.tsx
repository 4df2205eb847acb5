import type { StaffRole, StaffSummary } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { listStaff, updateStaff } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { ROLE_LABELS } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { ResetPasswordModal } from './reset-password-modal';
import { StaffFormModal } from './staff-form-modal';

const ROLE_COLORS: Record<StaffRole, string> = { admin: 'red', operator: 'blue', finance: 'gold', support: 'green' };

export default function StaffPage() {
  const staff = useAsync(listStaff, []);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffSummary>();
  const { staff: me } = useAuth();

  async function setRole(account: StaffSummary, role: StaffRole) {
    try {
      await updateStaff(account.id, { role });
      showSuccess(`${account.username} 的角色已改为${ROLE_LABELS[role] ?? role}`);
    } catch (error) {
      showError(error);
    }
    void staff.reload();
  }

  async function setActive(account: StaffSummary, active: boolean) {
    try {
      await updateStaff(account.id, { active });
      showSuccess(active ? `已启用 ${account.username}` : `已停用 ${account.username}，其登录已失效`);
      void staff.reload();
    } catch (error) {
      showError(error);
    }
  }

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
          { title: '用户名', dataIndex: 'username' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (role: StaffRole, account: StaffSummary) => (
              <Select<StaffRole>
                size="small"
                value={role}
                style={{ width: 100 }}
                variant="borderless"
                labelRender={({ value }) => <Tag color={ROLE_COLORS[value as StaffRole]}>{ROLE_LABELS[value as StaffRole]}</Tag>}
                aria-label={`${account.username} 的角色`}
                options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value: value as StaffRole, label }))}
                onChange={(next) => setRole(account, next)}
                data-testid={`staff-role-${account.username}`}
              />
            ),
          },
          {
            title: '状态',
            dataIndex: 'active',
            render: (active: boolean) => (active ? <Tag color="success">正常</Tag> : <Tag>已停用</Tag>),
          },
          {
            title: '操作',
            width: 200,
            render: (_: unknown, account: StaffSummary) => (
              <Space size={0}>
                {account.id === me?.id ? null : (
                  <Button type="link" size="small" onClick={() => setResetting(account)}>
                    重置密码
                  </Button>
                )}
                {activeToggle(account)}
              </Space>
            ),
          },
        ]}
      />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(undefined)} />
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

  function activeToggle(account: StaffSummary) {
    return account.id === me?.id ? null : account.active ? (
      <Popconfirm
        title={`停用 ${account.username}？`}
        description="停用后无法登录，已登录的会话立即失效。"
        onConfirm={() => setActive(account, false)}
      >
        <Button type="link" size="small" danger>
          停用
        </Button>
      </Popconfirm>
    ) : (
      <Button type="link" size="small" onClick={() => setActive(account, true)}>
        启用
      </Button>
    );
  }
}
