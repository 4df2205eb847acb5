import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { AddressView, ClaimableGiftView, GiftPackSummary } from '@member-commerce/shared';
import { createAddress, listAddresses } from '../services/api/addresses';
import { claimGiftPack } from '../services/api/membership';
import { toApiError } from '../services/api-error';
import { chosenAddress, clearChosenAddress } from '../services/address-choice';
import { Routes } from '../routes';
import { go } from '../services/navigation';
import { canImportWechatAddress, importWechatAddress, WECHAT_ADDRESS_UNAVAILABLE } from '../services/wechat-address';

export type GiftChoiceStep = 'address' | 'confirm';

export interface GiftChoice {
  gift: ClaimableGiftView;
  pack: GiftPackSummary;
  step: GiftChoiceStep;
}

/**
 * Choosing a gift pack takes three steps: the pack (on the gift page), the address it ships to (the default one
 * preselected, the WeChat address importable), then a confirmation; only the last one claims.
 */
export function useGiftChoice(onClaimed: () => Promise<void>) {
  const [choice, setChoice] = useState<GiftChoice>();
  const [addresses, setAddresses] = useState<AddressView[]>();
  const [addressId, setAddressId] = useState<number>();
  const [busy, setBusy] = useState(false);

  async function loadAddresses(prefer?: number) {
    const list = await listAddresses();
    setAddresses(list);
    const pick =
      list.find((a) => a.id === prefer) ?? list.find((a) => a.id === addressId) ?? list.find((a) => a.isDefault);
    setAddressId(pick?.id);
  }

  // Back from "新增收货地址": the saved address is the choice.
  useDidShow(() => {
    if (!choice) return;
    const added = chosenAddress();
    clearChosenAddress();
    void loadAddresses(added);
  });

  const toast = (title: string) => Taro.showToast({ title, icon: 'none', duration: 2500 });

  async function start(gift: ClaimableGiftView, pack: GiftPackSummary) {
    setChoice({ gift, pack, step: 'address' });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    try {
      await loadAddresses();
    } catch (error) {
      await toast(toApiError(error).message);
    }
  }

  async function importFromWechat() {
    if (!canImportWechatAddress) {
      await toast(WECHAT_ADDRESS_UNAVAILABLE);
      addNew();
      return;
    }
    try {
      const picked = await importWechatAddress();
      if (!picked) return;
      const saved = await createAddress(picked);
      await loadAddresses(saved.id);
    } catch (error) {
      await toast(toApiError(error).message);
    }
  }

  function addNew() {
    clearChosenAddress();
    void go(Routes.addressEdit, { select: 1 });
  }

  async function confirm() {
    if (!choice || !addressId || busy) return;
    setBusy(true);
    try {
      const { gift, pack } = choice;
      await claimGiftPack({
        source: gift.source,
        termId: gift.termId,
        milestoneId: gift.milestoneId,
        giftPackId: pack.id,
        addressId,
      });
      setChoice(undefined);
      await Taro.showToast({ title: '领取成功，等待发货', icon: 'success' });
      await onClaimed();
    } catch (error) {
      await toast(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  const address = addresses?.find((a) => a.id === addressId);
  return {
    choice,
    addresses,
    address,
    busy,
    start,
    selectAddress: setAddressId,
    toConfirm: () => choice && address && setChoice({ ...choice, step: 'confirm' }),
    toAddress: () => choice && setChoice({ ...choice, step: 'address' }),
    cancel: () => setChoice(undefined),
    importFromWechat,
    addNew,
    confirm,
  };
}
