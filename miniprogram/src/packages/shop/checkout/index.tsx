import Taro, { useRouter } from '@tarojs/taro';
import { Location } from '../../../components/icons';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@member-commerce/shared';
import { LineItem } from '../../../components/line-item';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { Price } from '../../../components/price';
import { useCheckout } from '../../../hooks/use-checkout';
import { isActiveMember } from '../../../hooks/use-membership';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import { memberUpsellLabel } from '../../../utils/format';
import './index.css';

export default function CheckoutPage() {
  const { params } = useRouter();
  const { data, error, loading, reload, address, submit, submitting, chooseCoupon } = useCheckout(
    params.lines,
    params.from === 'cart',
  );
  const member = isActiveMember(data?.membership);
  const hasProblem = data?.lines.some((l) => l.problem);
  const quote = data?.quote;
  const usable = quote?.coupons.filter((c) => c.applicable) ?? [];

  async function pickCoupon() {
    if (!usable.length) return;
    const options = usable.slice(0, 5);
    const { tapIndex } = await Taro.showActionSheet({
      itemList: [...options.map((c) => `${c.title} 减${formatFen(c.discountFen)}`), '不使用优惠券'],
    }).catch(() => ({ tapIndex: -1 }));
    if (tapIndex < 0) return;
    chooseCoupon(tapIndex < options.length ? options[tapIndex].id : 'none');
  }

  return (
    <View className='page page--with-bar checkout'>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={data?.lines.length === 0}
        emptyText='没有要结算的商品'
      >
        <View
          className='card checkout__address'
          data-testid='checkout-address'
          onClick={() => (address ? go(Routes.addresses, { select: 1 }) : go(Routes.addressEdit, { select: 1 }))}
        >
          <View className='checkout__pin'>
            <Location size={20} color='#b8893e' />
          </View>
          {address ? (
            <View className='checkout__address-body'>
              <Text className='checkout__address-who'>
                {address.name} {address.phone}
              </Text>
              <Text className='checkout__address-line'>
                {address.province}
                {address.city}
                {address.district} {address.detail}
              </Text>
            </View>
          ) : (
            <Text className='checkout__address-empty'>添加收货地址</Text>
          )}
          <Text className='muted'>›</Text>
        </View>
        <View className='card'>
          {data?.lines.map((l) => (
            <LineItem
              key={l.skuId}
              title={l.product?.title ?? '商品已失效'}
              subtitle={l.sku?.name}
              image={l.product?.images[0]}
              unitPriceFen={l.sku?.priceFen ?? 0}
              unitListPriceFen={l.sku?.listPriceFen}
              memberPrice={member && Boolean(l.sku && l.sku.priceFen < l.sku.listPriceFen)}
              quantity={l.quantity}
              problem={l.problem}
            />
          ))}
        </View>
        {data && quote && (
          <View className='card checkout__totals'>
            <View className='row row--between'>
              <Text className='muted'>商品原价</Text>
              <Text>{formatFen(quote.listTotalFen)}</Text>
            </View>
            {quote.memberSavingsFen > 0 && (
              <View className='row row--between'>
                <Text className='muted'>会员优惠</Text>
                <Text className='checkout__saving'>-{formatFen(quote.memberSavingsFen)}</Text>
              </View>
            )}
            <View className='row row--between' data-testid='checkout-shipping'>
              <Text className='muted'>运费</Text>
              <Text>
                {quote.shippingFen > 0 ? formatFen(quote.shippingFen) : formatFen(0)}
                {quote.freeShippingReason === 'MEMBER_BENEFIT' && <Text className='checkout__tag'> 会员包邮</Text>}
                {quote.freeShippingReason === 'THRESHOLD' && (
                  <Text className='checkout__tag'> 满{formatFen(quote.shippingPolicy.freeAboveFen ?? 0)}包邮</Text>
                )}
              </Text>
            </View>
            {quote.freeShippingShortfallFen !== null && (
              <Text className='checkout__note' data-testid='free-shipping-shortfall'>
                再买 {formatFen(quote.freeShippingShortfallFen)} 即可包邮
              </Text>
            )}
            <View className='row row--between' data-testid='checkout-coupon' onClick={pickCoupon}>
              <Text className='muted'>优惠券</Text>
              {quote.couponDiscountFen > 0 ? (
                <Text className='checkout__saving'>-{formatFen(quote.couponDiscountFen)} ›</Text>
              ) : (
                <Text className='muted'>
                  {usable.length ? `${usable.length} 张可用 ›` : quote.coupons.length ? '暂无可用' : '无'}
                </Text>
              )}
            </View>
            {!member && quote.memberUpsellFen > 0 && (
              <View className='checkout__upsell' onClick={() => go(Routes.membership)} data-testid='upsell'>
                {memberUpsellLabel('开通会员本单可省', quote)} ›
              </View>
            )}
          </View>
        )}
      </PageState>
      {data && data.lines.length > 0 && (
        <View className='action-bar'>
          <View className='action-bar__summary'>
            <View className='row gap'>
              <Text>应付</Text>
              <Price fen={quote?.totalFen ?? 0} size='large' />
            </View>
          </View>
          <Button type='primary' loading={submitting} disabled={submitting || Boolean(hasProblem)} onClick={submit}>
            提交订单
          </Button>
        </View>
      )}
    </View>
  );
}
