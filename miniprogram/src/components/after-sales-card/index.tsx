import { Image, Text, View } from '@tarojs/components';
import { formatFen, type AfterSalesView } from '@member-commerce/shared';
import { photoSrc } from '../../services/photo-picker';
import { afterSalesStatusLabel, afterSalesTypeLabel, formatDateTime } from '../../utils/format';
import { AfterSalesTimeline } from '../after-sales-timeline';
import { ReturnShipment } from '../return-shipment';
import './index.css';

interface Props {
  request: AfterSalesView;
  actions?: React.ReactNode;
  /** Given: an approved return shows the return address and the tracking-number form. */
  onChanged?: (updated: AfterSalesView) => void;
}

/** What the customer asked for, where it stands (the server's timeline), and what they do next. */
export function AfterSalesCard({ request, actions, onChanged }: Props) {
  const awaitingGoods = request.status === 'AWAITING_RETURN';
  return (
    <View className='card after-sales-card' data-testid='after-sales-card' data-status={request.status}>
      <View className='row row--between'>
        <Text className='after-sales-card__type'>
          {afterSalesTypeLabel[request.type]} · {formatFen(request.amountFen)}
        </Text>
        <Text className={`after-sales-card__status after-sales-card__status--${request.status}`}>
          {afterSalesStatusLabel[request.status]}
        </Text>
      </View>
      <Text className='muted'>
        {request.reason}
        {request.description ? `：${request.description}` : ''}
      </Text>
      {request.photos.length > 0 && (
        <View className='after-sales-card__photos'>
          {request.photos.map((p) => (
            <Image key={p.name} className='after-sales-card__photo' src={photoSrc(p.url)} mode='aspectFill' />
          ))}
        </View>
      )}
      <AfterSalesTimeline steps={request.timeline} />
      {awaitingGoods && onChanged && <ReturnShipment request={request} onChanged={onChanged} />}
      {awaitingGoods && !onChanged && request.returnShipment && (
        <Text className='after-sales-card__note'>
          已寄回：{request.returnShipment.carrierName} {request.returnShipment.trackingNo}，商家收货后退款
        </Text>
      )}
      {request.status === 'REFUNDED' && <Text className='after-sales-card__note'>退款已原路退回微信支付</Text>}
      {request.decisionNote && <Text className='after-sales-card__note'>客服说明：{request.decisionNote}</Text>}
      <Text className='muted after-sales-card__order'>
        订单 {request.outTradeNo} · {formatDateTime(request.createdAt)}
      </Text>
      {actions && <View className='after-sales-card__actions'>{actions}</View>}
    </View>
  );
}
