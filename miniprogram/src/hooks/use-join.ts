import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { MyMembershipView, TierView } from '@member-commerce/shared';
import { listTiers } from '../services/api/catalog';
import { createMembershipOrder } from '../services/api/orders';
import { isLoginRequired, toApiError } from '../services/api-error';
import { goLogin } from '../services/navigation';
import { assertId, payOrder } from '../services/payment';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface JoinData {
  tier: TierView | undefined;
  membership: MyMembershipView | null;
}

/** Join / renew: the chosen tier, the gift pack choice, and "create the order and pay". */
export function useJoin(tierIdParam: string | undefined) {
  const state = useAsync<JoinData>(async () => {
    const id = assertId(tierIdParam);
    const [tiers, membership] = await Promise.all([listTiers(), loadMembership().catch(() => null)]);
    return { tier: tiers.find((t) => t.id === id), membership };
  }, [tierIdParam]);
  const [giftPackId, setGiftPackId] = useState<number>();
  const [submitting, setSubmitting] = useState(false);

  const packs = state.data?.tier?.giftPacks ?? [];
  const chosen = packs.find((p) => p.id === giftPackId && p.inStock) ?? packs.find((p) => p.inStock);

  async function pay() {
    const tier = state.data?.tier;
    if (!tier || submitting) return;
    setSubmitting(true);
    try {
      const { order, payment } = await createMembershipOrder({ tierId: tier.id, giftPackId: chosen?.id });
      await payOrder(order, payment, 'membership');
    } catch (error) {
      if (isLoginRequired(error)) goLogin();
      else await Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 2500 });
    } finally {
      setSubmitting(false);
    }
  }

  return { ...state, chosen, choose: setGiftPackId, pay, submitting };
}
