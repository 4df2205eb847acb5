import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useClientConfig } from '../api/client-config';
import { useAuth } from '../auth/auth-context';
import { APP_ROUTES, GROUP_LABELS, type AppRoute } from '../routes';

type MenuItem = Required<MenuProps>['items'][number];

/** The menu shows only the pages the signed-in role may use (and the simulator's pages only in dev mode). */
export function SideMenu() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const devMode = useClientConfig()?.wechatMode === 'dev';
  const visible = APP_ROUTES.filter((route) => (!route.capability || can(route.capability)) && (!route.devOnly || devMode));

  const items: MenuItem[] = [];
  for (const group of Object.keys(GROUP_LABELS) as AppRoute['group'][]) {
    const routes = visible.filter((route) => route.group === group);
    if (routes.length === 0) continue;
    const children = routes.map((route) => ({ key: route.path, icon: route.icon, label: route.label }));
    if (GROUP_LABELS[group]) items.push({ type: 'group', key: group, label: GROUP_LABELS[group], children });
    else items.push(...children);
  }

  const selected = visible
    .map((route) => route.path)
    .filter((path) => (path === '/' ? pathname === '/' : pathname.startsWith(path)))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => navigate(key)}
      data-testid="side-menu"
    />
  );
}
