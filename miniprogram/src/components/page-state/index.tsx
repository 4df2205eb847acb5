import type { ReactNode } from 'react';
import { Cart, User, Warning } from '../icons';
import { Text, View } from '@tarojs/components';
import type { ApiError } from '../../services/api-error';
import { goLogin } from '../../services/navigation';
import { Button } from '../nut';
import './index.css';

interface Props {
  loading?: boolean;
  error?: ApiError;
  /** Shown instead of children when true (and not loading / failed). */
  empty?: boolean;
  emptyText?: string;
  emptyAction?: ReactNode;
  onRetry?: () => void;
  /** Whether there is data already: then loading keeps showing it (refresh), not a spinner. */
  hasData?: boolean;
  children?: ReactNode;
}

/** The loading / error / empty states every page shares. */
export function PageState(props: Props) {
  const { loading, error, empty, hasData, children } = props;
  if (loading && !hasData) {
    return (
      <View className='page-state page-state--loading'>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>加载中…</Text>
      </View>
    );
  }
  if (error && !hasData) {
    const needsLogin = error.code === 'LOGIN_REQUIRED';
    return (
      <View className='page-state page-state--error'>
        <View className='page-state__icon'>
          {needsLogin ? <User size={40} color='#b8893e' /> : <Warning size={40} color='#b8893e' />}
        </View>
        <Text className='page-state__text'>{needsLogin ? '登录后查看' : error.message}</Text>
        {needsLogin ? (
          <Button type='primary' size='small' onClick={goLogin}>
            去登录
          </Button>
        ) : (
          props.onRetry && (
            <Button size='small' onClick={props.onRetry}>
              重试
            </Button>
          )
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className='page-state page-state--empty'>
        <View className='page-state__icon'>
          <Cart size={40} color='#c2bdb7' />
        </View>
        <Text className='page-state__text'>{props.emptyText ?? '这里还没有内容'}</Text>
        {props.emptyAction}
      </View>
    );
  }
  return <>{children}</>;
}
