import { OrderActionView, OrderKind, OrderStatus } from '@member-commerce/shared';
import { canTransition, MEMBERSHIP_FEE_KINDS } from './order-state';

/** What the refund rules say about a new refund of the order now (see RefundsService.refundFacts). */
export interface RefundFacts {
  /** The order (or a flagged payment of it) holds money a refund could return. */
  holdsMoney: boolean;
  refundableFen: number;
  /** The refund quote's rule, in Chinese. */
  rule: string;
  /** A refund is processing or abnormal: no other starts until it ends. */
  openRefund: boolean;
  /** A refund request waits for approval: no other refund starts until it is decided. */
  pendingRequest: boolean;
}

export interface OrderActionFacts {
  kind: OrderKind;
  status: OrderStatus;
  hasAddress: boolean;
  refund: RefundFacts;
}

/**
 * The next actions staff may take with an order: shipping and cancelling follow the state machine, refunds the
 * refund rules. An action that applies but cannot run yet carries the reason, so the console shows why.
 */
export function nextOrderActions(facts: OrderActionFacts): OrderActionView[] {
  const actions: OrderActionView[] = [];
  if (isShippable(facts.kind, facts.status))
    actions.push({ action: 'SHIP', blockedReason: facts.hasAddress ? null : '顾客尚未选择收货地址' });
  if (
    facts.kind === OrderKind.GIFT &&
    facts.status === OrderStatus.PAID &&
    canTransition(facts.status, OrderStatus.CLOSED)
  ) {
    actions.push({ action: 'CANCEL_GIFT', blockedReason: null });
  }
  const refund = refundAction(facts.refund);
  if (refund) actions.push(refund);
  return actions;
}

/** Goods (not a membership fee) paid and not yet handed to a courier. */
function isShippable(kind: OrderKind, status: OrderStatus): boolean {
  return (
    !MEMBERSHIP_FEE_KINDS.includes(kind) && status === OrderStatus.PAID && canTransition(status, OrderStatus.SHIPPED)
  );
}

const NOT_SHIPPABLE: Partial<Record<OrderStatus, string>> = {
  PENDING_PAYMENT: '订单尚未支付',
  CLOSED: '订单已关闭',
  SHIPPED: '订单已发货',
  COMPLETED: '订单已完成',
  REFUNDING: '订单正在退款，不能发货',
  REFUNDED: '订单已退款',
};

/** Why an order cannot be shipped now (in Chinese), or null when it can: the SHIP action's rule, for a shipping file. */
export function shipBlocker(order: { kind: OrderKind; status: OrderStatus; hasAddress: boolean }): string | null {
  if (MEMBERSHIP_FEE_KINDS.includes(order.kind)) return '会员卡订单无需发货';
  if (!isShippable(order.kind, order.status)) return NOT_SHIPPABLE[order.status] ?? '订单当前不能发货';
  return order.hasAddress ? null : '顾客尚未选择收货地址';
}

function refundAction(refund: RefundFacts): OrderActionView | null {
  if (refund.openRefund) return { action: 'REFUND', blockedReason: '该订单有一笔退款尚未结束，请等它完成后再退款' };
  if (!refund.holdsMoney) return null;
  if (refund.pendingRequest) return { action: 'REFUND', blockedReason: '该订单有一笔退款申请待审批，请先审批或驳回' };
  if (refund.refundableFen <= 0) return { action: 'REFUND', blockedReason: `没有可退的金额：${refund.rule}` };
  return { action: 'REFUND', blockedReason: null };
}
