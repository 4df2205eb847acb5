import type { MyMembershipView } from '@member-commerce/shared';
import { getMyMembership } from '../services/api/membership';
import { canLoginSilently } from '../services/auth';

/**
 * The caller's membership, or null for a visitor who has not logged in yet (H5 before dev login).
 * Never asks the user to log in: pages show a "join" banner instead.
 */
export async function loadMembership(): Promise<MyMembershipView | null> {
  if (!canLoginSilently()) return null;
  return getMyMembership();
}

export const isActiveMember = (m: MyMembershipView | null | undefined) => m?.status === 'ACTIVE';
