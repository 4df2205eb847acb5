import type { MyMembershipView } from '@member-commerce/shared';
import { readCart } from '../services/cart';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';
import { priceLines, type PricedSummary } from './use-priced-lines';

export interface CartData extends PricedSummary {
  membership: MyMembershipView | null;
}

export function useCart() {
  return useAsync<CartData>(
    async () => {
      const membership = await loadMembership().catch(() => null);
      return { membership, ...(await priceLines(readCart())) };
    },
    [],
    { onShow: true, pullDown: true },
  );
}
