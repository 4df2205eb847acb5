import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ClaimableGiftView } from '@member-commerce/shared';
import { claimGiftPack, getMyGiftPacks } from '../services/api/membership';
import { toApiError } from '../services/api-error';
import { useAsync } from './use-async';

/** Gifts to claim (welcome pack not chosen yet, reached milestones) and gift orders already made. */
export function useGiftPacks() {
  const state = useAsync(getMyGiftPacks, [], { onShow: true, pullDown: true });
  const [claiming, setClaiming] = useState<string>();

  async function claim(gift: ClaimableGiftView, giftPackId: number) {
    const key = `${gift.source}-${gift.termId}-${gift.milestoneId ?? ''}`;
    setClaiming(key);
    try {
      await claimGiftPack({ source: gift.source, termId: gift.termId, milestoneId: gift.milestoneId, giftPackId });
      await Taro.showToast({ title: '领取成功', icon: 'success' });
      await state.reload();
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    } finally {
      setClaiming(undefined);
    }
  }

  return { ...state, claim, claiming };
}
