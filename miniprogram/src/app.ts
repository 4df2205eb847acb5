import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import './services/auth';
import { getClientConfig } from './services/api/client-config';
import { updateBadge } from './services/cart';
import { installPrivacyHandler } from './services/privacy';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
    updateBadge();
    void getClientConfig().catch(() => undefined);
  });
  return children;
}

export default App;
