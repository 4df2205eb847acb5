import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen, ORDER_MONEY_LABELS, OrderKind, OrderStatus, REFUND_STATUS_TEXT } from '@member-commerce/shared';

import { LineItem } from '../../../components/line-item';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { useOrderActions } from '../../../hooks/use-order-actions';
import { startGiftAddressChoice, takeGiftAddressChoice } from '../../../services/address-choice';
import { chooseGiftAddress, getOrder } from '../../../services/api/orders';
import { go } from '../../../services/navigation';
import { Routes } from '../../../routes';
import { assertId } from '../../../services/payment';
import { formatDateTime, orderKindLabel, orderStatusText } from '../../../utils/format';
import { AfterSalesCard } from '../../../components/after-sales-card';
import { Countdown } from '../../../components/countdown';
import { CopyText } from '../../../components/copy-text';
import { listMyAfterSales } from '../../../services/api/after-sales';
import './index.css';

export default function OrderDetailPage() {
  const { params } = useRouter();
  const {
    data: order,
    error,
    loading,
    reload,
  } = useAsync(
    async () => {
      const id = assertId(params.id);
      const picked = takeGiftAddressChoice(id);
      if (picked) await chooseGiftAddress(id, picked);
      return getOrder(id);
    },
    [params.id],
    { onShow: true, pullDown: true },
  );
  const giftAwaitingShipment = order?.kind === OrderKind.GIFT && order.status === OrderStatus.PAID;
  const pickAddress = () => {
    if (!order) return;
    startGiftAddressChoice(order.id);
    go(Routes.addresses, { select: 1 });
  };
  const actions = useOrderActions(reload);
  const afterSales = useAsync(
    async () => (order?.kind === OrderKind.PRODUCT ? listMyAfterSales(order.id) : []),
    [order?.id, order?.status],
    { onShow: true },
  );
  const latest = afterSales.data?.[0];
  const canApply = order?.afterSales?.canApply === true;
  const pending = order?.status === OrderStatus.PENDING_PAYMENT;
  const shipped = order?.status === OrderStatus.SHIPPED;
  const product = order?.kind === OrderKind.PRODUCT;

  return (
    <View className={`page order-detail ${pending || canApply || shipped || product ? 'page--with-bar' : ''}`}>
      <PageState loading={loading} error={error} hasData={Boolean(order)} onRetry={reload}>
        {order && (
          <>
            <View className='order-detail__status' data-testid='order-detail' data-status={order.status}>
              <Text className='order-detail__status-text'>{orderStatusText(order)}</Text>
              {order.status === OrderStatus.PENDING_PAYMENT && order.expiresAt && (
                <Text className='order-detail__hint'>
                  剩余支付时间 <Countdown until={order.expiresAt} onElapsed={reload} />
                  ，超时订单自动关闭
                </Text>
              )}
            </View>
            {order.address && (
              <View className='card order-detail__address' onClick={giftAwaitingShipment ? pickAddress : undefined}>
                <Text className='order-detail__who'>
                  {order.address.name} {order.address.phone}
                </Text>
                <Text className='muted'>
                  {order.address.province}
                  {order.address.city}
                  {order.address.district} {order.address.detail}
                </Text>
                {giftAwaitingShipment && <Text className='order-detail__hint'>发货前可修改收货地址 ›</Text>}
              </View>
            )}
            {!order.address && giftAwaitingShipment && (
              <View className='card order-detail__address' data-testid='gift-address-missing'>
                <Text className='order-detail__who'>礼包还没有收货地址</Text>
                <Button type='primary' size='small' onClick={pickAddress}>
                  选择收货地址
                </Button>
              </View>
            )}
            {order.shipment && (
              <View className='card order-detail__address' data-testid='order-shipment'>
                <View className='row row--between'>
                  <Text className='order-detail__who'>
                    {order.shipment.carrierName} {order.shipment.trackingNo}
                  </Text>
                  <CopyText value={order.shipment.trackingNo} testId='copy-tracking' />
                </View>
                <Text className='muted'>发货时间 {formatDateTime(order.shipment.shippedAt)}</Text>
              </View>
            )}
            {latest && <AfterSalesCard request={latest} onChanged={() => void afterSales.reload()} />}
            <View className='card'>
              <Text className='card__title'>{orderKindLabel[order.kind]}</Text>
              {order.lines.map((l) => (
                <LineItem
                  key={l.id}
                  title={l.name}
                  image={l.image}
                  unitPriceFen={l.unitPriceFen}
                  unitListPriceFen={l.unitListPriceFen}
                  memberPrice={Boolean(order.pricedAsTierId) && l.unitPriceFen < l.unitListPriceFen}
                  quantity={l.quantity}
                />
              ))}
            </View>
            <View className='card order-detail__facts'>
              <View className='row row--between'>
                <Text className='muted'>{ORDER_MONEY_LABELS.listTotal}</Text>
                <Text>{formatFen(order.listTotalFen)}</Text>
              </View>
              {order.savingsFen > 0 && (
                <View className='row row--between'>
                  <Text className='muted'>{ORDER_MONEY_LABELS.memberSavings}</Text>
                  <Text className='order-detail__saving'>-{formatFen(order.savingsFen)}</Text>
                </View>
              )}
              {order.kind === OrderKind.PRODUCT && (
                <View className='row row--between'>
                  <Text className='muted'>{ORDER_MONEY_LABELS.shipping}</Text>
                  <Text>{formatFen(order.shippingFen)}</Text>
                </View>
              )}
              {order.couponDiscountFen > 0 && (
                <View className='row row--between'>
                  <Text className='muted'>{ORDER_MONEY_LABELS.coupon}</Text>
                  <Text className='order-detail__saving'>-{formatFen(order.couponDiscountFen)}</Text>
                </View>
              )}
              <View className='row row--between'>
                <Text className='muted'>
                  {order.status === OrderStatus.PENDING_PAYMENT ? ORDER_MONEY_LABELS.due : ORDER_MONEY_LABELS.total}
                </Text>
                <Text className='order-detail__total' data-testid='order-total'>
                  {formatFen(order.totalFen)}
                </Text>
              </View>
              {order.refundedFen > 0 && (
                <View className='row row--between'>
                  <Text className='muted'>{ORDER_MONEY_LABELS.refunded}</Text>
                  <Text className='order-detail__saving' data-testid='order-refunded'>
                    -{formatFen(order.refundedFen)}
                  </Text>
                </View>
              )}
              {(order.refunds ?? []).length > 0 && (
                <View className='order-detail__refunds' data-testid='order-refunds'>
                  <Text className='muted'>{ORDER_MONEY_LABELS.refunds}</Text>
                  {order.refunds!.map((refund) => (
                    <View key={refund.id} className='row row--between order-detail__refund'>
                      <Text className='muted'>{formatDateTime(refund.succeededAt ?? refund.createdAt)}</Text>
                      <Text>
                        {formatFen(refund.amountFen)} · {REFUND_STATUS_TEXT[refund.status]}
                      </Text>
                    </View>
                  ))}
                </View>
              )}
              <View className='order-detail__divider' />
              <View className='row row--between'>
                <Text className='muted'>订单编号</Text>
                <Text className='order-detail__mono'>{order.outTradeNo}</Text>
              </View>
              <View className='row row--between'>
                <Text className='muted'>下单时间</Text>
                <Text>{formatDateTime(order.createdAt)}</Text>
              </View>
              {order.paidAt && (
                <View className='row row--between'>
                  <Text className='muted'>支付时间</Text>
                  <Text>{formatDateTime(order.paidAt)}</Text>
                </View>
              )}
              {order.closedAt && (
                <View className='row row--between'>
                  <Text className='muted'>关闭时间</Text>
                  <Text>{formatDateTime(order.closedAt)}</Text>
                </View>
              )}
            </View>
          </>
        )}
      </PageState>
      {order && (canApply || shipped || product) && !pending && (
        <View className='action-bar'>
          <View className='action-bar__summary' />
          {canApply && (
            <Button onClick={() => go(Routes.afterSalesApply, { orderId: order.id })} data-testid='after-sales-apply'>
              申请售后
            </Button>
          )}
          {product && (
            <Button onClick={() => actions.buyAgain(order)} data-testid='buy-again'>
              再来一单
            </Button>
          )}
          {shipped && (
            <Button type='primary' onClick={() => actions.confirmReceipt(order)} data-testid='confirm-receipt'>
              确认收货
            </Button>
          )}
        </View>
      )}
      {order?.status === OrderStatus.PENDING_PAYMENT && (
        <View className='action-bar'>
          <View className='action-bar__summary' />
          <Button onClick={() => actions.cancel(order)}>取消订单</Button>
          <Button type='primary' onClick={() => actions.pay(order)}>
            去支付
          </Button>
        </View>
      )}
    </View>
  );
}
