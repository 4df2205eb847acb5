import { useEffect, useState } from 'react';
import { Cart } from '../../../components/icons';
import Taro from '@tarojs/taro';
import { RichText, Text, View } from '@tarojs/components';
import { formatFen } from '@member-commerce/shared';
import { Button, InputNumber } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { Price } from '../../../components/price';
import { isActiveMember } from '../../../hooks/use-membership';
import { useProduct } from '../../../hooks/use-product';
import { useRouteParams } from '../../../hooks/use-route-params';
import { Routes } from '../../../routes';
import { addToCart, encodeLines } from '../../../services/cart';
import { go } from '../../../services/navigation';
import { formatDateTime } from '../../../utils/format';
import { ProductGallery } from './product-gallery';
import './index.css';

export default function ProductPage() {
  const params = useRouteParams();
  const { data, error, loading, reload } = useProduct(params.id);
  const [skuId, setSkuId] = useState<number>();
  const [quantity, setQty] = useState(1);
  const product = data?.product;
  const member = isActiveMember(data?.membership);
  const sku = product?.skus.find((s) => s.id === skuId) ?? product?.skus.find((s) => s.stock > 0) ?? product?.skus[0];

  useEffect(() => {
    if (product) Taro.setNavigationBarTitle({ title: product.title }).catch(() => undefined);
  }, [product]);

  const line = () => (product && sku ? { productId: product.id, skuId: sku.id, quantity } : null);

  function onAddToCart() {
    const l = line();
    if (!l) return;
    addToCart(l);
    void Taro.showToast({ title: '已加入购物车', icon: 'success' });
  }

  function onBuyNow() {
    const l = line();
    if (l) go(Routes.checkout, { lines: encodeLines([l]) });
  }

  const soldOut = !sku || sku.stock <= 0;

  return (
    <View className='page page--with-bar product'>
      <PageState loading={loading} error={error} hasData={Boolean(data)} onRetry={reload}>
        {product && sku && (
          <>
            <ProductGallery images={product.images} skuImages={sku.images ?? []} title={product.title} />
            <View className='product__price-card'>
              {member ? (
                <View className='product__price-row'>
                  <Text className='product__member-tag'>会员价</Text>
                  <Price fen={sku.priceFen} size='large' />
                  {sku.listPriceFen > sku.priceFen && <Price fen={sku.listPriceFen} size='small' tone='muted' strike />}
                  {sku.listPriceFen > sku.priceFen && (
                    <Text className='product__saved'>已省 {formatFen(sku.memberSavingsFen)}</Text>
                  )}
                </View>
              ) : (
                <View className='product__price-row'>
                  <Price fen={sku.priceFen} size='large' tone='dark' />
                  <Text className='product__member-tag'>会员价 {formatFen(sku.memberPriceFen)}</Text>
                </View>
              )}
              <Text className='product__title'>{product.title}</Text>
              {product.subtitle && <Text className='product__subtitle'>{product.subtitle}</Text>}
              {product.memberFirstUntil && (
                <Text className='product__priority'>
                  会员优先购 · {formatDateTime(product.memberFirstUntil)} 后对所有人开放
                </Text>
              )}
            </View>
            {!member && sku.listPriceFen > sku.memberPriceFen && (
              <View className='product__upsell' data-testid='upsell' onClick={() => go(Routes.membership)}>
                <Text>
                  开通会员，本件立省 <Text className='product__upsell-amount'>{formatFen(sku.memberSavingsFen)}</Text>
                </Text>
                <Text className='product__upsell-cta'>去开通 ›</Text>
              </View>
            )}
            <View className='card'>
              <Text className='card__title'>规格</Text>
              <View className='product__skus'>
                {product.skus.map((s) => (
                  <View
                    key={s.id}
                    className={`chip ${s.id === sku.id ? 'chip--active' : ''} ${s.stock <= 0 ? 'chip--disabled' : ''}`}
                    onClick={() => s.stock > 0 && (setSkuId(s.id), setQty(1))}
                  >
                    {s.name} · {formatFen(s.priceFen)}
                  </View>
                ))}
              </View>
              <View className='row row--between product__qty'>
                <Text>
                  数量 <Text className='muted'>（库存 {sku.stock}）</Text>
                </Text>
                <InputNumber
                  value={quantity}
                  min={1}
                  max={Math.max(1, sku.stock)}
                  onChange={(v) => setQty(Number(v))}
                />
              </View>
            </View>
            {product.description && (
              <View className='card'>
                <Text className='card__title'>商品详情</Text>
                {/* Staff write rich text; the server stores it sanitised (catalog/product-description.ts). */}
                <RichText className='product__desc' nodes={product.description} />
              </View>
            )}
          </>
        )}
      </PageState>
      {product && (
        <View className='action-bar'>
          <View className='product__cart-link' onClick={() => go(Routes.cart)}>
            <View className='product__cart-icon'>
              <Cart size={20} color='#4a4540' />
            </View>
            <Text className='product__cart-text'>购物车</Text>
          </View>
          <Button className='product__btn' disabled={soldOut} onClick={onAddToCart}>
            加入购物车
          </Button>
          <Button className='product__btn' type='primary' disabled={soldOut} onClick={onBuyNow}>
            {soldOut ? '已售罄' : '立即购买'}
          </Button>
        </View>
      )}
    </View>
  );
}
