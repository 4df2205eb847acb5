import type { MyMembershipView } from '@member-commerce/shared';
import { canLoginSilently } from '../services/auth';
import { getMyProfile } from '../services/api/profile';
import { session } from '../services/session';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface ProfileData {
  loggedIn: boolean;
  /** The customer's own nickname (头像昵称填写). */
  name: string;
  avatarUrl: string | null;
  membership: MyMembershipView | null;
}

export function useProfile() {
  return useAsync<ProfileData>(
    async () => {
      if (!canLoginSilently()) return { loggedIn: false, name: '', avatarUrl: null, membership: null };
      const [membership, profile] = await Promise.all([loadMembership(), getMyProfile()]);
      return {
        loggedIn: true,
        name: profile.nickname || session.getDevName(),
        avatarUrl: profile.avatarUrl,
        membership,
      };
    },
    [],
    { onShow: true, pullDown: true },
  );
}
