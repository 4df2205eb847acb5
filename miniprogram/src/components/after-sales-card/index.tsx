import { Image, Text, View } from '@tarojs/components';
import { formatFen, type AfterSalesView } from '@member-commerce/shared';
import { photoSrc } from '../../services/photo-picker';
import { afterSalesStatusLabel, afterSalesTypeLabel, formatDateTime } from '../../utils/format';
import './index.css';

/** What the customer asked for, and where staff are with it. */
export function AfterSalesCard({ request, actions }: { request: AfterSalesView; actions?: React.ReactNode }) {
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
      {request.status === 'AWAITING_RETURN' && (
        <Text className='after-sales-card__note'>审核已通过，请将商品寄回，仓库签收后退款</Text>
      )}
      {request.status === 'REFUNDED' && <Text className='after-sales-card__note'>退款已发起，将原路退回微信支付</Text>}
      {request.decisionNote && <Text className='after-sales-card__note'>客服说明：{request.decisionNote}</Text>}
      <View className='row row--between'>
        <Text className='muted'>
          订单 {request.outTradeNo} · {formatDateTime(request.createdAt)}
        </Text>
        {actions}
      </View>
    </View>
  );
}
