import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@member-commerce/shared';
import { LineItem } from '../../components/line-item';
import { Button, InputNumber } from '../../components/nut';
import { PageState } from '../../components/page-state';
import { Price } from '../../components/price';
import { useCart } from '../../hooks/use-cart';
import { isActiveMember } from '../../hooks/use-membership';
import { Routes } from '../../routes';
import { encodeLines, removeFromCart, setQuantity } from '../../services/cart';
import { isH5 } from '../../services/env';
import { go } from '../../services/navigation';
import { memberUpsellLabel } from '../../utils/format';
import './index.css';

export default function CartPage() {
  const { data, error, loading, reload } = useCart();
  const member = isActiveMember(data?.membership);
  const buyable = data?.lines.filter((l) => l.sku && !l.problem) ?? [];

  async function remove(skuId: number) {
    const { confirm } = await Taro.showModal({ title: '删除商品', content: '确定从购物车删除该商品？' });
    if (!confirm) return;
    removeFromCart([skuId]);
    void reload();
  }

  return (
    <View className='page page--with-bar cart'>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={data?.lines.length === 0}
        emptyText='购物车空空如也'
        emptyAction={
          <Button type='primary' size='small' onClick={() => go(Routes.home)}>
            去逛逛
          </Button>
        }
      >
        {!member && data?.quote && data.quote.memberUpsellFen > 0 && (
          <View className='cart__upsell' onClick={() => go(Routes.membership)} data-testid='upsell'>
            <Text>{memberUpsellLabel('开通会员，本单可省', data.quote)}</Text>
            <Text className='cart__upsell-cta'>去开通 ›</Text>
          </View>
        )}
        <View className='card'>
          {data?.lines.map((line) => (
            <View key={line.skuId} className='cart__line'>
              <LineItem
                title={line.product?.title ?? '商品已失效'}
                subtitle={line.sku?.name}
                image={line.product?.images[0]}
                unitPriceFen={line.sku?.priceFen ?? 0}
                unitListPriceFen={line.sku?.listPriceFen}
                memberPrice={member && Boolean(line.sku && line.sku.priceFen < line.sku.listPriceFen)}
                problem={line.problem}
                onClick={() => line.product && go(Routes.product, { id: line.productId })}
                extra={
                  <View onClick={(e) => e.stopPropagation()}>
                    <InputNumber
                      value={line.quantity}
                      min={1}
                      max={Math.max(1, line.sku?.stock ?? 1)}
                      onChange={(v) => {
                        setQuantity(line.skuId, Number(v));
                        void reload();
                      }}
                    />
                  </View>
                }
              />
              <Text className='cart__remove' onClick={() => remove(line.skuId)}>
                删除
              </Text>
            </View>
          ))}
        </View>
      </PageState>
      {data && data.lines.length > 0 && (
        <View className={`action-bar ${isH5 ? 'cart__bar--h5' : ''}`}>
          <View className='action-bar__summary'>
            <View className='row gap'>
              <Text>合计</Text>
              <Price fen={data.quote?.goodsFen ?? 0} size='large' />
            </View>
            {member && data.quote && data.quote.memberSavingsFen > 0 && (
              <Text className='muted'>会员已省 {formatFen(data.quote.memberSavingsFen)}</Text>
            )}
          </View>
          <Button
            type='primary'
            disabled={buyable.length === 0}
            onClick={() => go(Routes.checkout, { lines: encodeLines(buyable), from: 'cart' })}
          >
            去结算
          </Button>
        </View>
      )}
    </View>
  );
}
