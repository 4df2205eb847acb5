import type { MyMembershipView } from '@member-commerce/shared';
import { canLoginSilently } from '../services/auth';
import { isH5 } from '../services/env';
import { session } from '../services/session';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface ProfileData {
  loggedIn: boolean;
  /** H5 dev login name; weapp users are identified by WeChat. */
  name: string;
  membership: MyMembershipView | null;
}

export function useProfile() {
  return useAsync<ProfileData>(
    async () => {
      if (!canLoginSilently()) return { loggedIn: false, name: '', membership: null };
      const membership = await loadMembership();
      return { loggedIn: true, name: isH5 ? session.getDevName() : '微信用户', membership };
    },
    [],
    { onShow: true, pullDown: true },
  );
}
