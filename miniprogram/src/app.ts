import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import './services/auth';
import { updateBadge } from './services/cart';
import { installPrivacyHandler } from './services/privacy';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
    updateBadge();
  });
  return children;
}

export default App;
