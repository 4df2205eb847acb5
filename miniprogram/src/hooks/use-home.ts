import type { CategoryView, MyMembershipView, ProductView } from '@member-commerce/shared';
import { listCategories, listProducts } from '../services/api/catalog';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface HomeData {
  /** null: not a member (or not logged in); undefined: unknown (the request failed), so no upsell is shown. */
  membership: MyMembershipView | null | undefined;
  categories: CategoryView[];
  products: ProductView[];
}

/** Everything the home page shows; the feed is filtered server-side by category. */
export function useHome(category: string) {
  return useAsync<HomeData>(
    async () => {
      // Membership first: it may log in, and the product prices depend on the token.
      const membership = await loadMembership().catch(() => undefined);
      const [categories, products] = await Promise.all([listCategories(), listProducts(category || undefined)]);
      return { membership, categories, products };
    },
    [category],
    { onShow: true, pullDown: true },
  );
}
