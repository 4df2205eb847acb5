import type { MyMembershipView, OrderView } from '@member-commerce/shared';
import { getMyMembership } from '../services/api/membership';
import { assertId, waitUntilPaid } from '../services/payment';
import { useAsync } from './use-async';

export interface JoinResult {
  order: OrderView;
  membership: MyMembershipView | null;
}

/** Waits for the server to confirm the membership payment, then reads the new term. */
/** `cancelled`: the user backed out of paying, so do not keep polling. */
export function useJoinResult(orderIdParam: string | undefined, cancelled = false) {
  return useAsync<JoinResult>(async () => {
    const order = await waitUntilPaid(assertId(orderIdParam), cancelled ? 0 : 12);
    const membership = order.status === 'PAID' || order.status === 'COMPLETED' ? await getMyMembership() : null;
    return { order, membership };
  }, [orderIdParam]);
}
