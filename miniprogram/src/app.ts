import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import './services/auth';
import { updateBadge } from './services/cart';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    updateBadge();
  });
  return children;
}

export default App;
