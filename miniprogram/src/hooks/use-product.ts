import type { MyMembershipView, ProductView } from '@member-commerce/shared';
import { getProduct } from '../services/api/catalog';
import { assertId } from '../services/payment';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface ProductData {
  product: ProductView;
  membership: MyMembershipView | null;
}

export function useProduct(idParam: string | undefined) {
  return useAsync<ProductData>(
    async () => {
      const membership = await loadMembership().catch(() => null);
      return { membership, product: await getProduct(assertId(idParam)) };
    },
    [idParam],
    { onShow: true, pullDown: true },
  );
}
