import type { CategoryView, MyMembershipView } from '@member-commerce/shared';
import { listCategories } from '../services/api/catalog';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface HomeData {
  /** null: not a member (or not logged in); undefined: unknown (the request failed), so no upsell is shown. */
  membership: MyMembershipView | null | undefined;
  categories: CategoryView[];
}

/** The home page's header: membership and categories (the product feed pages itself, see useProductFeed). */
export function useHome() {
  return useAsync<HomeData>(
    async () => {
      // Membership first: it may log in, and what the caller may see depends on the token.
      const membership = await loadMembership().catch(() => undefined);
      return { membership, categories: await listCategories() };
    },
    [],
    { onShow: true, pullDown: true },
  );
}
