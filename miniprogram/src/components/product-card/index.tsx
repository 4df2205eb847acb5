import { Text, View } from '@tarojs/components';
import { formatFen, type ProductView } from '@member-commerce/shared';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { Price } from '../price';
import { ProductImage } from '../product-image';
import './index.css';

/** The SKU a card advertises: the cheapest one for this caller. */
export function headlineSku(product: ProductView) {
  return [...product.skus].sort((a, b) => a.priceFen - b.priceFen)[0];
}

/**
 * Feed card. Members see their member price with the list price struck through; everyone else sees
 * the list price, the member price ("会员价") and the "会员省¥X" upsell. Prices are the server's.
 */
export function ProductCard({ product, member }: { product: ProductView; member: boolean }) {
  const sku = headlineSku(product);
  return (
    <View className='product-card' data-testid='product-card' onClick={() => go(Routes.product, { id: product.id })}>
      <View className='product-card__media'>
        <ProductImage className='product-card__image' src={product.images[0]} title={product.title} />
        {product.memberFirstUntil && <Text className='product-card__priority'>会员优先购</Text>}
      </View>
      <View className='product-card__body'>
        <Text className='product-card__title'>{product.title}</Text>
        {sku && member && (
          <View className='product-card__prices'>
            <Text className='product-card__member-tag'>会员价</Text>
            <Price fen={sku.priceFen} />
            {sku.listPriceFen > sku.priceFen && <Price fen={sku.listPriceFen} size='small' tone='muted' strike />}
          </View>
        )}
        {sku && !member && (
          <>
            <View className='product-card__prices'>
              <Price fen={sku.priceFen} tone='dark' />
              <Text className='product-card__member-price'>
                会员价 {formatFen(sku.memberPriceFen, { decimals: false })}
              </Text>
            </View>
            {product.memberSavingsFen > 0 && (
              <Text className='product-card__upsell' data-testid='upsell'>
                会员省{formatFen(product.memberSavingsFen, { decimals: false })}
              </Text>
            )}
          </>
        )}
        {!sku && <Text className='product-card__soldout'>暂无规格</Text>}
      </View>
    </View>
  );
}
