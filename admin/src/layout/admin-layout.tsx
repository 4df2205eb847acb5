import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Layout, Spin, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { ROLE_LABELS } from '../auth/permissions';
import { ChangePasswordModal } from './change-password-modal';
import { SideMenu } from './side-menu';

const { Sider, Header, Content } = Layout;

export function AdminLayout() {
  const { staff, logout } = useAuth();
  const [changingPassword, setChangingPassword] = useState(false);
  const menu = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => setChangingPassword(true) },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Sticky: a long page scrolls under the menu instead of taking the menu (and its header) with it. */}
      <Sider width={220} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
            会员电商 · 后台
          </Typography.Text>
        </div>
        <SideMenu />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="flex-end" align="center" style={{ height: '100%' }}>
            <Dropdown menu={{ items: menu }}>
              <Button type="text" data-testid="current-staff">
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{staff?.username}</span>
                {staff ? <Tag color="blue">{ROLE_LABELS[staff.role]}</Tag> : null}
              </Button>
            </Dropdown>
          </Flex>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {/* After an admin reset the password, its owner chooses their own before anything else. */}
      <ChangePasswordModal
        open={changingPassword || Boolean(staff?.mustChangePassword)}
        forced={Boolean(staff?.mustChangePassword)}
        onClose={() => setChangingPassword(false)}
      />
    </Layout>
  );
}
