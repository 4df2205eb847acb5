import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { LegalDocumentView, MyMembershipView, TierView } from '@member-commerce/shared';
import { getMembershipAgreement, getMyPhone } from '../services/api/legal';
import { isWeapp } from '../services/env';
import { listTiers } from '../services/api/catalog';
import { createMembershipOrder } from '../services/api/orders';
import { isLoginRequired, toApiError } from '../services/api-error';
import { goLogin } from '../services/navigation';
import { assertId, payOrder } from '../services/payment';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';

export interface JoinData {
  tier: TierView | undefined;
  /** Every tier on sale, for the comparison table. */
  tiers: TierView[];
  membership: MyMembershipView | null;
  /** 《会员服务协议》 as published now; its version is what paying accepts. */
  agreement: LegalDocumentView;
  /** The weapp asks for a phone number once, at membership purchase, when the customer has not given one. */
  askPhone: boolean;
}

/** Join / renew: the chosen tier and "create the order and pay". */
export function useJoin(tierIdParam: string | undefined) {
  const state = useAsync<JoinData>(async () => {
    const id = assertId(tierIdParam);
    const [tiers, membership, agreement, phone] = await Promise.all([
      listTiers(),
      loadMembership().catch(() => null),
      getMembershipAgreement(),
      isWeapp ? getMyPhone().catch(() => ({ phone: 'unknown' })) : Promise.resolve({ phone: null }),
    ]);
    return { tier: tiers.find((t) => t.id === id), tiers, membership, agreement, askPhone: isWeapp && !phone.phone };
  }, [tierIdParam]);
  const [submitting, setSubmitting] = useState(false);

  async function pay() {
    const tier = state.data?.tier;
    if (!tier || submitting) return;
    setSubmitting(true);
    try {
      const agreementVersion = state.data?.agreement.version;
      const { order, payment } = await createMembershipOrder({
        // The welcome pack is chosen after paying, with its address (gift-packs page).
        tierId: tier.id,
        agreementVersion,
      });
      await payOrder(order, payment, 'membership');
    } catch (error) {
      if (isLoginRequired(error)) goLogin();
      else await Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 2500 });
    } finally {
      setSubmitting(false);
    }
  }

  return { ...state, pay, submitting };
}
