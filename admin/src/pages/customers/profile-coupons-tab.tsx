import type { CustomerCouponView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Table } from 'antd';
import { EnumTag } from '../../components/enum-tag';
import { formatDate } from '../../format';
import { COUPON_STATUS, COUPON_VOID_REASON } from '../../labels';

/** Every coupon the customer was issued, in every state, with the order it went to or why it was voided. */
export function ProfileCouponsTab({ coupons }: { coupons: CustomerCouponView[] }) {
  return (
    <Table<CustomerCouponView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={coupons}
      locale={{ emptyText: '暂无优惠券' }}
      columns={[
        { title: '优惠券', dataIndex: 'title' },
        {
          title: '面额',
          key: 'amount',
          render: (_, coupon) =>
            coupon.thresholdFen > 0
              ? `满 ${formatFen(coupon.thresholdFen)} 减 ${formatFen(coupon.amountFen)}`
              : `减 ${formatFen(coupon.amountFen)}`,
        },
        { title: '有效期', key: 'valid', render: (_, coupon) => `${formatDate(coupon.validFrom)} 至 ${formatDate(coupon.validTo)}` },
        {
          title: '状态',
          dataIndex: 'status',
          render: (status: CustomerCouponView['status']) => <EnumTag map={COUPON_STATUS} value={status} />,
        },
        {
          title: '说明',
          key: 'why',
          render: (_, coupon) => {
            if (coupon.voidReason) return COUPON_VOID_REASON[coupon.voidReason];
            if (coupon.usedOnOutTradeNo) return `${coupon.status === 'USED' ? '用于订单' : '占用订单'} ${coupon.usedOnOutTradeNo}`;
            return '—';
          },
        },
        { title: '发放于会员订单', dataIndex: 'termOutTradeNo', render: (no?: string | null) => no ?? '—' },
      ]}
    />
  );
}
