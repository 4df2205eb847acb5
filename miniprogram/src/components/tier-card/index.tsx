import { Text, View } from '@tarojs/components';
import { formatFen, type TierView } from '@member-commerce/shared';
import { termLabel } from '../../utils/format';
import { BenefitIcon } from '../benefit-icon';
import { Button } from '../nut';
import { Price } from '../price';
import './index.css';

interface Props {
  tier: TierView;
  /** 'join' for non-members, 'renew' for this tier's members, 'switch' for members of another tier. */
  action: 'join' | 'renew' | 'switch';
  onAction: () => void;
  /** Shown when the tier offers a trial this customer may take. */
  onTrial?: () => void;
}

/** A membership card for sale: price and term, benefits with icons, welcome gift options. */
export function TierCard({ tier, action, onAction, onTrial }: Props) {
  const label = action === 'renew' ? '立即续费' : action === 'switch' ? '开通此卡' : '立即开通';
  return (
    <View className='tier-card' data-testid='tier-card' data-tier-code={tier.code}>
      <View className='tier-card__head'>
        <View className='tier-card__name-row'>
          <Text className='tier-card__name'>{tier.name}</Text>
          <Text className='tier-card__term'>{termLabel(tier)}</Text>
        </View>
        <View className='tier-card__price-row'>
          <Price fen={tier.priceFen} size='large' tone='gold' />
          <Text className='tier-card__per'>/ {termLabel(tier)}</Text>
        </View>
        {tier.description && <Text className='tier-card__desc'>{tier.description}</Text>}
      </View>
      <View className='tier-card__benefits'>
        {tier.benefits.map((b) => (
          <View key={b.id} className='tier-card__benefit'>
            <BenefitIcon type={b.type} icon={b.icon} />
            <View className='tier-card__benefit-text'>
              <Text className='tier-card__benefit-title'>{b.title}</Text>
              {b.description && <Text className='tier-card__benefit-desc'>{b.description}</Text>}
            </View>
          </View>
        ))}
      </View>
      {tier.giftPacks.length > 0 && (
        <View className='tier-card__gifts'>
          <Text className='tier-card__gifts-title'>
            开卡礼包 {tier.giftPackChoices > 1 ? `（任选 ${tier.giftPackChoices} 份）` : '（任选 1 份）'}
          </Text>
          {tier.giftPacks.map((g) => (
            <View key={g.id} className={`tier-card__gift ${g.inStock ? '' : 'tier-card__gift--out'}`}>
              <Text className='tier-card__gift-name'>{g.name}</Text>
              <Text className='tier-card__gift-value'>价值 {formatFen(g.valueFen)}</Text>
              <Text className={`tier-card__gift-stock ${g.inStock ? '' : 'tier-card__gift-stock--out'}`}>
                {g.inStock ? '有货' : '已抢光'}
              </Text>
            </View>
          ))}
        </View>
      )}
      <Button type='primary' block className='tier-card__button' onClick={onAction}>
        {label} {formatFen(tier.priceFen)}
      </Button>
      {onTrial && tier.trialDays > 0 && (
        <View className='tier-card__trial'>
          <Button fill='outline' type='primary' block onClick={onTrial} data-testid='start-trial'>
            免费试用 {tier.trialDays} 天
          </Button>
          <Text className='tier-card__trial-note'>
            试用期享会员价和包邮；不含开卡礼、优惠券和消费里程碑，每人限一次
          </Text>
        </View>
      )}
    </View>
  );
}
