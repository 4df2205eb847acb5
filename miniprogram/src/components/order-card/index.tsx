import { Text, View } from '@tarojs/components';
import { formatFen, type OrderView } from '@member-commerce/shared';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { formatDateTime, orderKindLabel, orderStatusText } from '../../utils/format';
import { Countdown } from '../countdown';
import { ProductImage } from '../product-image';
import './index.css';

/** A compact order row for lists; tapping opens the detail. */
export function OrderCard({ order, actions }: { order: OrderView; actions?: React.ReactNode }) {
  return (
    <View
      className='order-card'
      data-testid='order-card'
      data-order-id={order.id}
      onClick={() => go(Routes.orderDetail, { id: order.id })}
    >
      <View className='order-card__head'>
        <Text className='order-card__kind'>{orderKindLabel[order.kind]}</Text>
        <Text className='muted'>{formatDateTime(order.createdAt)}</Text>
        <Text className={`status-tag status-tag--${order.status} order-card__status`}>{orderStatusText(order)}</Text>
      </View>
      {order.lines.map((l) => (
        <View key={l.id} className='order-card__line'>
          <ProductImage className='order-card__thumb' src={l.image ?? undefined} title={l.name} thumb />
          <Text className='order-card__name'>{l.name}</Text>
          <Text className='muted'>×{l.quantity}</Text>
          <Text className='order-card__price'>{formatFen(l.lineTotalFen)}</Text>
        </View>
      ))}
      {order.shipment && order.status === 'SHIPPED' && (
        <Text className='order-card__shipment'>
          {order.shipment.carrierName} {order.shipment.trackingNo}
        </Text>
      )}
      <View className='order-card__foot'>
        {order.kind === 'GIFT' ? (
          <Text className='order-card__saving'>礼包价值 {formatFen(order.listTotalFen)}</Text>
        ) : (
          order.savingsFen > 0 && <Text className='order-card__saving'>会员省 {formatFen(order.savingsFen)}</Text>
        )}
        <Text className='order-card__total'>
          实付 <Text className='order-card__total-amount'>{formatFen(order.totalFen)}</Text>
        </Text>
      </View>
      {order.status === 'PENDING_PAYMENT' && order.expiresAt && (
        <View className='order-card__countdown'>
          <Text className='muted'>剩余支付时间 </Text>
          <Countdown until={order.expiresAt} />
        </View>
      )}
      {actions && (
        <View className='order-card__actions' onClick={(e) => e.stopPropagation()}>
          {actions}
        </View>
      )}
    </View>
  );
}
