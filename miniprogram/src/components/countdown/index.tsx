import { Text } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { useNow } from '../../hooks/use-now';
import { formatCountdown } from '../../utils/format';
import './index.css';

/**
 * A live "mm:ss" until `until`. The server closes the order at that time; `onElapsed` lets the page reload
 * to show it (the client's clock only decides what is displayed).
 */
export function Countdown({ until, onElapsed }: { until: string; onElapsed?: () => void }) {
  const now = useNow(true);
  const elapsed = now >= new Date(until).getTime();
  const told = useRef(false);
  useEffect(() => {
    if (elapsed && !told.current) {
      told.current = true;
      onElapsed?.();
    }
  }, [elapsed, onElapsed]);
  return (
    <Text className='countdown' data-testid='countdown'>
      {formatCountdown(until, now)}
    </Text>
  );
}
