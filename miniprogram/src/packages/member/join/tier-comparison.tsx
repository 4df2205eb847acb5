import { Text, View } from '@tarojs/components';
import { formatFen, type TierView } from '@member-commerce/shared';
import { termLabel } from '../../../utils/format';

/** "8.5 折" for 1500 bp off; "—" when the tier gives no default discount. */
const discountLabel = (bp: number) => (bp > 0 ? `${Number(((10_000 - bp) / 1000).toFixed(2))} 折` : '—');

const giftLabel = (tier: TierView) => {
  const values = tier.giftPacks.map((pack) => pack.valueFen);
  if (!values.length) return '—';
  const least = Math.min(...values);
  return `${formatFen(least, { decimals: false })}${new Set(values).size > 1 ? ' 起' : ''}`;
};

const has = (tier: TierView, type: string) => tier.benefits.some((benefit) => benefit.type === type);

const rows: { label: string; cell: (tier: TierView) => string }[] = [
  { label: '价格', cell: (t) => `${formatFen(t.priceFen, { decimals: false })} / ${termLabel(t)}` },
  { label: '开卡礼价值', cell: giftLabel },
  { label: '会员折扣', cell: (t) => discountLabel(t.defaultDiscountBp) },
  { label: '会员包邮', cell: (t) => (has(t, 'FREE_SHIPPING') ? '✓' : '—') },
  { label: '新品优先购', cell: (t) => (has(t, 'PRIORITY_ACCESS') ? '✓' : '—') },
];

/** Every tier on sale side by side, from the server's tier views; the tier being bought is highlighted. */
export function TierComparison({ tiers, current }: { tiers: TierView[]; current: number }) {
  return (
    <View className='card tier-compare' data-testid='tier-comparison'>
      <Text className='card__title'>会员卡对比</Text>
      <View className='tier-compare__row tier-compare__row--head'>
        <Text className='tier-compare__label' />
        {tiers.map((t) => (
          <Text key={t.id} className={`tier-compare__cell ${t.id === current ? 'tier-compare__cell--on' : ''}`}>
            {t.name}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.label} className='tier-compare__row'>
          <Text className='tier-compare__label'>{row.label}</Text>
          {tiers.map((t) => (
            <Text key={t.id} className={`tier-compare__cell ${t.id === current ? 'tier-compare__cell--on' : ''}`}>
              {row.cell(t)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
