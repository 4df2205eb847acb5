import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { AddressView, MyMembershipView } from '@member-commerce/shared';
import { listAddresses } from '../services/api/addresses';
import { createProductOrder } from '../services/api/orders';
import { toApiError } from '../services/api-error';
import { chosenAddress } from '../services/address-choice';
import { decodeLines, removeFromCart } from '../services/cart';
import { payOrder } from '../services/payment';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';
import { priceLines, type PricedSummary } from './use-priced-lines';

export interface CheckoutData extends PricedSummary {
  membership: MyMembershipView | null;
  addresses: AddressView[];
}

const messages: Record<string, string> = {
  OUT_OF_STOCK: '库存不足，请调整数量',
  MEMBERS_ONLY: '该商品会员优先购，开通会员后可购买',
  ADDRESS_REQUIRED: '请先填写收货地址',
};

/** Checkout: lines priced by the server, the chosen (or default) address, and "submit and pay". */
export function useCheckout(linesParam: string | undefined, fromCart: boolean) {
  const lines = decodeLines(linesParam);
  const state = useAsync<CheckoutData>(
    async () => {
      const [membership, addresses] = await Promise.all([loadMembership(), listAddresses()]);
      return { membership, addresses, ...(await priceLines(lines)) };
    },
    [linesParam],
    { onShow: true },
  );
  const [submitting, setSubmitting] = useState(false);

  const addresses = state.data?.addresses ?? [];
  const chosen = chosenAddress();
  const address = addresses.find((a) => a.id === chosen) ?? addresses.find((a) => a.isDefault) ?? addresses[0];

  async function submit() {
    if (submitting || !state.data) return;
    if (!address) {
      await Taro.showToast({ title: messages.ADDRESS_REQUIRED, icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      const items = state.data.lines
        .filter((l) => l.sku && !l.problem)
        .map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
      const { order, payment } = await createProductOrder({ items, addressId: address.id });
      if (fromCart) removeFromCart(items.map((i) => i.skuId));
      await payOrder(order, payment, 'product');
    } catch (error) {
      const e = toApiError(error);
      await Taro.showToast({ title: messages[e.code] ?? e.message, icon: 'none', duration: 2500 });
      void state.reload();
    } finally {
      setSubmitting(false);
    }
  }

  return { ...state, address, submit, submitting };
}
