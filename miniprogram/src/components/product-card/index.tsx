import { Text, View } from '@tarojs/components';
import { formatFen, type ProductView } from '@member-commerce/shared';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { Price } from '../price';
import { ProductImage } from '../product-image';
import './index.css';

/** The SKU a card advertises: the cheapest one for this caller. */
function headlineSku(product: ProductView) {
  return [...product.skus].sort((a, b) => a.priceFen - b.priceFen)[0];
}

/**
 * "会员省 ¥X" for the SKU whose prices the card shows (the server's figure for that SKU), so the claim is true of
 * the prices beside it; no claim when that SKU saves nothing.
 */
function savingsLabel(product: ProductView): string | null {
  const saved = headlineSku(product)?.memberSavingsFen ?? 0;
  return saved > 0 ? `会员省 ${formatFen(saved)}` : null;
}

/**
 * Feed card. Members see their member price with the list price struck through; everyone else sees
 * the list price, the member price ("会员价") and the saving upsell (see savingsLabel). Prices are the server's.
 */
export function ProductCard({ product, member }: { product: ProductView; member: boolean }) {
  const sku = headlineSku(product);
  const savings = savingsLabel(product);
  return (
    <View className='product-card' data-testid='product-card' onClick={() => go(Routes.product, { id: product.id })}>
      <View className='product-card__media'>
        <ProductImage className='product-card__image' src={product.images[0]} title={product.title} thumb />
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
              <Text className='product-card__member-price'>会员价 {formatFen(sku.memberPriceFen)}</Text>
            </View>
            {savings && (
              <Text className='product-card__upsell' data-testid='upsell'>
                {savings}
              </Text>
            )}
          </>
        )}
        {!sku && <Text className='product-card__soldout'>暂无规格</Text>}
      </View>
    </View>
  );
}
