import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { MyAutoRenewView } from '@member-commerce/shared';
import { cancelAutoRenew, getMyAutoRenew, signInSimulator, startAutoRenew } from '../services/api/auto-renew';
import { canLoginSilently } from '../services/auth';
import { isLoginRequired, toApiError } from '../services/api-error';
import { goLogin } from '../services/navigation';
import { openContractSigning } from '../services/papay-sign';
import { useAsync } from './use-async';

/** The customer's auto-renew: opt in (sign in WeChat), the dev simulator's confirmation, cancel. */
export function useAutoRenew() {
  const state = useAsync<MyAutoRenewView>(
    async () => (canLoginSilently() ? getMyAutoRenew() : { status: 'NONE' as const }),
    [],
    { onShow: true },
  );
  const [pendingContractId, setPendingContractId] = useState<number>();
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    try {
      await work();
      await state.reload();
    } catch (error) {
      if (isLoginRequired(error)) goLogin();
      else await Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }

  const optIn = (tierId: number) =>
    act(async () => {
      const { contract, signParams } = await startAutoRenew(tierId);
      setPendingContractId(contract.id);
      await openContractSigning(signParams);
    });

  const confirmInSimulator = () => act(async () => pendingContractId && (await signInSimulator(pendingContractId)));

  const cancel = () =>
    act(async () => {
      const { confirm } = await Taro.showModal({
        title: '取消自动续费',
        content: '取消后到期不再自动扣款，会员权益保留到当前有效期结束。',
        confirmText: '确认取消',
        cancelText: '再想想',
      });
      if (confirm) await cancelAutoRenew();
    });

  return { ...state, busy, optIn, cancel, confirmInSimulator, canSimulate: pendingContractId !== undefined };
}
