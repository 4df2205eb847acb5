import { App as AntApp, ConfigProvider } from 'antd';
// The ESM build: the CommonJS 'antd/locale/zh_CN' loses its default export under the bundler.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, lazy, useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { setMessageApi } from './feedback';
import { AdminLayout } from './layout/admin-layout';
import { APP_ROUTES, PATHS } from './routes';
import './global.css';

dayjs.locale('zh-cn');

const LoginPage = lazy(() => import('./pages/login/login-page'));

// Hash routing: the server's SPA fallback is then never needed for deep links.
const router = createHashRouter([
  {
    path: PATHS.login,
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AdminLayout />
      </RequireAuth>
    ),
    children: [
      ...APP_ROUTES.map(({ path, page: Page, capability }) => ({
        path: path === '/' ? undefined : path.slice(1),
        index: path === '/',
        element: (
          <RequireAuth capability={capability}>
            <Page />
          </RequireAuth>
        ),
      })),
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

/** Hands the themed message instance from <App> to feedback.ts. */
function FeedbackBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setMessageApi(message), [message]);
  return null;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { borderRadius: 6 } }}>
      <AntApp>
        <FeedbackBridge />
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
