import { Text, View } from '@tarojs/components';
import type { BenefitType } from '@member-commerce/shared';
import './index.css';

/** Emoji glyphs keep icons crisp on both targets without shipping an icon font. */
const byName: Record<string, string> = {
  gift: '🎁',
  price: '💰',
  tag: '🏷️',
  clock: '⏰',
  star: '⭐',
  truck: '🚚',
  shipping: '🚚',
  coupon: '🎟️',
  service: '💬',
  crown: '👑',
  chart: '📈',
  trophy: '🏆',
  milestone: '📈',
};
const byType: Record<BenefitType, string> = {
  MEMBER_PRICE: '💰',
  WELCOME_GIFT: '🎁',
  PRIORITY_ACCESS: '⏰',
  SPEND_MILESTONE: '📈',
  FREE_SHIPPING: '🚚',
  COUPON: '🎟️',
  SERVICE: '💬',
};

export function BenefitIcon({ type, icon }: { type: BenefitType; icon?: string }) {
  return (
    <View className='benefit-icon'>
      <Text>{(icon && byName[icon]) || byType[type] || '✨'}</Text>
    </View>
  );
}
