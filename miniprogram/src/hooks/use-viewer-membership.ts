import type { MyMembershipView } from '@member-commerce/shared';
import { useAsync } from './use-async';
import { isActiveMember, loadMembership } from './use-membership';

/** Whether the viewer is an active member (cards show member prices then); a guest or a failure is "not". */
export function useIsMember(): boolean {
  const { data } = useAsync<MyMembershipView | null>(() => loadMembership().catch(() => null), [], { onShow: true });
  return isActiveMember(data);
}
