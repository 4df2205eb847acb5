import type { OrderMoneyView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Descriptions } from 'antd';

/** The server's money breakdown, step by step: list price → goods → total → what the shop keeps. */
export function OrderMoneyTable({ money }: { money: OrderMoneyView }) {
  const minus = (fen: number) => (fen ? `−${formatFen(fen)}` : formatFen(0));
  const red = { color: '#cf1322' };
  return (
    <>
      <h4 style={{ margin: '24px 0 8px' }}>金额明细</h4>
      <Descriptions column={1} bordered size="small" data-testid="order-money" labelStyle={{ width: 200 }}>
        <Descriptions.Item label="商品原价合计">{formatFen(money.goodsListFen)}</Descriptions.Item>
        <Descriptions.Item label="会员优惠">{minus(money.memberSavingsFen)}</Descriptions.Item>
        {money.waivedFen ? <Descriptions.Item label="减免（赠送礼包等）">{minus(money.waivedFen)}</Descriptions.Item> : null}
        <Descriptions.Item label="商品金额">{formatFen(money.goodsFen)}</Descriptions.Item>
        <Descriptions.Item label="运费">{money.shippingFen ? `+${formatFen(money.shippingFen)}` : '免运费'}</Descriptions.Item>
        <Descriptions.Item label="优惠券">{minus(money.couponDiscountFen)}</Descriptions.Item>
        <Descriptions.Item label="订单金额">{formatFen(money.totalFen)}</Descriptions.Item>
        <Descriptions.Item label="实付">
          <strong>{money.paidFen ? formatFen(money.paidFen) : '未支付'}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="已退款">
          {money.refundedFen ? <strong style={red}>{minus(money.refundedFen)}</strong> : '—'}
        </Descriptions.Item>
        {money.refundingFen ? <Descriptions.Item label="退款处理中">{formatFen(money.refundingFen)}</Descriptions.Item> : null}
        {money.pendingRequestFen ? <Descriptions.Item label="退款待审批">{formatFen(money.pendingRequestFen)}</Descriptions.Item> : null}
        <Descriptions.Item label="实收（实付 − 已退款）">
          <strong>{formatFen(money.netPaidFen)}</strong>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
