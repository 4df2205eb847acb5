import { OrderKind, OrderStatus, type OrderView } from '@member-commerce/shared';
import type { useOrderActions } from '../../hooks/use-order-actions';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { Button } from '../nut';

type Handlers = ReturnType<typeof useOrderActions>;

/** The buttons an order card offers for the order's state, or none. */
export function orderActions(order: OrderView, actions: Handlers): React.ReactNode | undefined {
  if (order.status === OrderStatus.PENDING_PAYMENT)
    return (
      <>
        <Button size='small' onClick={() => actions.cancel(order)}>
          取消订单
        </Button>
        <Button size='small' type='primary' onClick={() => actions.pay(order)}>
          去支付
        </Button>
      </>
    );
  const product = order.kind === OrderKind.PRODUCT;
  const buttons = [
    order.afterSales?.canApply && (
      <Button key='apply' size='small' onClick={() => go(Routes.afterSalesApply, { orderId: order.id })}>
        申请售后
      </Button>
    ),
    order.shipment && (
      <Button key='track' size='small' onClick={() => actions.logistics(order)} data-testid='order-logistics'>
        查看物流
      </Button>
    ),
    product && (
      <Button key='again' size='small' onClick={() => actions.buyAgain(order)} data-testid='order-buy-again'>
        再来一单
      </Button>
    ),
    order.status === OrderStatus.SHIPPED && (
      <Button
        key='receive'
        size='small'
        type='primary'
        onClick={() => actions.confirmReceipt(order)}
        data-testid='order-confirm-receipt'
      >
        确认收货
      </Button>
    ),
  ].filter(Boolean);
  return buttons.length > 0 ? <>{buttons}</> : undefined;
}
