import type { MyGiftPacksView, MyMembershipView, TierView } from '@member-commerce/shared';
import { listTiers } from '../services/api/catalog';
import { getMyGiftPacks } from '../services/api/membership';
import { useAsync } from './use-async';
import { isActiveMember, loadMembership } from './use-membership';

export interface MembershipCentreData {
  tiers: TierView[];
  membership: MyMembershipView | null;
  gifts: MyGiftPacksView | null;
}

export function useMembershipCentre() {
  return useAsync<MembershipCentreData>(
    async () => {
      const [tiers, membership] = await Promise.all([listTiers(), loadMembership().catch(() => null)]);
      const gifts = isActiveMember(membership) ? await getMyGiftPacks().catch(() => null) : null;
      return { tiers: [...tiers].sort((a, b) => a.sortOrder - b.sortOrder), membership, gifts };
    },
    [],
    { onShow: true, pullDown: true },
  );
}
