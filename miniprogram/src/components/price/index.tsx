import { Text } from '@tarojs/components';
import { formatFen, type Fen } from '@member-commerce/shared';
import './index.css';

interface Props {
  fen: Fen;
  size?: 'small' | 'normal' | 'large';
  tone?: 'red' | 'gold' | 'dark' | 'muted';
  strike?: boolean;
  className?: string;
}

/** A price as the server said it, in yuan. */
export function Price({ fen, size = 'normal', tone = 'red', strike, className = '' }: Props) {
  const text = formatFen(fen);
  return (
    <Text className={`price price--${size} price--${tone} ${strike ? 'price--strike' : ''} ${className}`}>
      <Text className='price__symbol'>¥</Text>
      {text.replace(/^-?¥/, fen < 0 ? '-' : '')}
    </Text>
  );
}
