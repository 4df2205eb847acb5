import type { MyGiftPacksView, MyMembershipView, OrderView } from '@member-commerce/shared';
import { getMyGiftPacks, getMyMembership } from '../services/api/membership';
import { assertId, waitUntilPaid } from '../services/payment';
import { useAsync } from './use-async';

export interface JoinResult {
  order: OrderView;
  membership: MyMembershipView | null;
  /** What happens with the welcome gift next (choose it, or it is on its way). */
  gifts: MyGiftPacksView | null;
}

/** 开通 / 续费 / 升级: what paying this order did to the membership. */
export function joinOutcome(order: OrderView, membership: MyMembershipView): '开通成功' | '续费成功' | '升级成功' {
  const term = membership.terms.find((t) => t.orderId === order.id && t.source !== 'CARRY_OVER');
  if (term?.source === 'RENEWAL') return '续费成功';
  // A tier change keeps the rest of the old term as a later CARRY_OVER term.
  if (membership.terms.some((t) => t.source === 'CARRY_OVER' && t.orderId !== order.id)) return '升级成功';
  return '开通成功';
}

/** Waits for the server to confirm the membership payment, then reads the new term. */
/** `cancelled`: the user backed out of paying, so do not keep polling. */
export function useJoinResult(orderIdParam: string | undefined, cancelled = false) {
  return useAsync<JoinResult>(
    async () => {
      const order = await waitUntilPaid(assertId(orderIdParam), cancelled ? 0 : 12);
      const paid = order.status === 'PAID' || order.status === 'COMPLETED';
      const [membership, gifts] = paid
        ? await Promise.all([getMyMembership(), getMyGiftPacks().catch(() => null)])
        : [null, null];
      return { order, membership, gifts };
    },
    [orderIdParam],
    { onShow: true },
  );
}
