import type { AdminOrderView } from '@member-commerce/shared';
import { Drawer, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { getCustomerProfile } from '../../api/customers';
import { getOrder } from '../../api/orders';
import { showError } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { OrderDetailDrawer } from '../orders/order-detail-drawer';
import { ProfileCouponsTab } from './profile-coupons-tab';
import { ProfileGiftsTab } from './profile-gifts-tab';
import { ProfileNotes } from './profile-notes';
import { ProfileOrdersTab } from './profile-orders-tab';
import { ProfileOverview } from './profile-overview';
import { ProfileTermsTab } from './profile-terms-tab';

interface Props {
  /** The customer to show; none closes the drawer. */
  customerId?: number;
  onClose(): void;
  /** Tags or notes changed (the member list may filter by them). */
  onChanged?(): void;
}

/** 客户详情, as 有赞 lays it out: who the customer is, then tabs for membership, orders, coupons, gifts, notes. */
export function CustomerProfileDrawer({ customerId, onClose, onChanged }: Props) {
  const profile = useAsync(async () => (customerId ? getCustomerProfile(customerId) : undefined), [customerId]);
  const [order, setOrder] = useState<AdminOrderView>();
  const data = customerId ? profile.data : undefined;

  async function openOrder(id: number) {
    try {
      setOrder(await getOrder(id));
    } catch (e) {
      showError(e);
    }
  }

  function changed() {
    void profile.reload();
    onChanged?.();
  }

  return (
    <Drawer
      title={data ? `客户详情：${data.nickname || '未填写昵称'}` : '客户详情'}
      width={960}
      open={Boolean(customerId)}
      onClose={onClose}
      destroyOnClose
      data-testid="customer-profile"
    >
      {!data ? (
        <Spin />
      ) : (
        <>
          <ProfileOverview profile={data} onChanged={changed} />
          <Tabs
            style={{ marginTop: 16 }}
            items={[
              { key: 'terms', label: '会员记录', children: <ProfileTermsTab profile={data} onOpenOrder={openOrder} /> },
              {
                key: 'orders',
                label: '订单',
                children: <ProfileOrdersTab customerId={data.customerId} onOpenOrder={openOrder} />,
              },
              { key: 'coupons', label: `优惠券（${data.coupons.length}）`, children: <ProfileCouponsTab coupons={data.coupons} /> },
              {
                key: 'gifts',
                label: `礼包与售后（${data.afterSales.length}）`,
                children: <ProfileGiftsTab profile={data} onOpenOrder={openOrder} />,
              },
              {
                key: 'notes',
                label: `备注（${data.notes.length}）`,
                children: <ProfileNotes profile={data} onChanged={changed} />,
              },
            ]}
          />
        </>
      )}
      {order ? (
        <OrderDetailDrawer
          order={order}
          onClose={() => setOrder(undefined)}
          onChanged={() => {
            void openOrder(order.id);
            void profile.reload();
          }}
        />
      ) : null}
    </Drawer>
  );
}
