import { Text, View } from '@tarojs/components';
import { formatFen, type GiftPackSummary } from '@member-commerce/shared';
import { ProductImage } from '../product-image';
import './index.css';

interface Props {
  pack: GiftPackSummary;
  selected?: boolean;
  onSelect?: () => void;
}

/** One gift pack as a customer weighs it: its picture, what is inside (quantities and values) and its stock. */
export function GiftPackOption({ pack, selected = false, onSelect }: Props) {
  const classes = ['gift-pack', selected ? 'gift-pack--on' : '', pack.inStock ? '' : 'gift-pack--out'];
  return (
    <View
      className={classes.join(' ')}
      data-testid='gift-pack-option'
      data-selected={selected ? 'yes' : 'no'}
      onClick={() => pack.inStock && onSelect?.()}
    >
      <View className='gift-pack__head'>
        <ProductImage className='gift-pack__cover' src={pack.image ?? pack.items?.[0]?.images[0]} title={pack.name} />
        <View className='gift-pack__head-text'>
          <Text className='gift-pack__name'>{pack.name}</Text>
          {pack.description ? <Text className='gift-pack__desc'>{pack.description}</Text> : null}
          <View className='gift-pack__value-row'>
            <Text className='gift-pack__value'>价值 {formatFen(pack.valueFen)}</Text>
            <Text className={pack.inStock ? 'gift-pack__stock' : 'gift-pack__stock gift-pack__stock--out'}>
              {pack.inStock ? '有货' : '已抢光'}
            </Text>
          </View>
        </View>
        {onSelect && <View className='gift-pack__radio'>{selected ? '✓' : ''}</View>}
      </View>
      {pack.items && pack.items.length > 0 && (
        <View className='gift-pack__items'>
          <Text className='gift-pack__items-title'>礼包内含 {pack.items.length} 件商品</Text>
          {pack.items.map((item) => (
            <View key={item.skuId} className='gift-pack__item' data-testid='gift-pack-item'>
              <ProductImage className='gift-pack__thumb' src={item.images[0]} title={item.productTitle} thumb />
              <View className='gift-pack__item-text'>
                <Text className='gift-pack__item-name'>{item.productTitle}</Text>
                <Text className='muted'>{item.skuName}</Text>
              </View>
              <View className='gift-pack__item-side'>
                <Text>× {item.quantity}</Text>
                <Text className='muted'>{formatFen(item.unitValueFen)}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
