import { View } from '@tarojs/components';
import type { BenefitType } from '@member-commerce/shared';
import { Clock, Coupon, Gift, Prices, Service, Star, StarF, Transit } from '../icons';
import './index.css';

type IconComponent = typeof Gift;

/** Benefit icon names staff may set, and the icon drawn for each (NutUI icons: they render everywhere). */
const byName: Record<string, IconComponent> = {
  gift: Gift,
  price: Prices,
  tag: Prices,
  clock: Clock,
  star: Star,
  truck: Transit,
  shipping: Transit,
  coupon: Coupon,
  service: Service,
  crown: StarF,
  chart: Star,
  trophy: StarF,
  milestone: StarF,
};
const byType: Record<BenefitType, IconComponent> = {
  MEMBER_PRICE: Prices,
  WELCOME_GIFT: Gift,
  PRIORITY_ACCESS: Clock,
  SPEND_MILESTONE: StarF,
  FREE_SHIPPING: Transit,
  COUPON: Coupon,
  SERVICE: Service,
};

export function BenefitIcon({ type, icon }: { type: BenefitType; icon?: string }) {
  const Icon = (icon && byName[icon]) || byType[type] || Star;
  return (
    <View className='benefit-icon'>
      <Icon color='#9a6b22' size={22} />
    </View>
  );
}
