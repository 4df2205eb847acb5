import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { AddressView, CheckoutQuote, MyMembershipView } from '@member-commerce/shared';
import { listAddresses } from '../services/api/addresses';
import { createProductOrder, quoteOrder } from '../services/api/orders';
import { toApiError } from '../services/api-error';
import { chosenAddress } from '../services/address-choice';
import { decodeLines, removeFromCart } from '../services/cart';
import { payOrder } from '../services/payment';
import { useAsync } from './use-async';
import { loadMembership } from './use-membership';
import { buyableItems, priceLines, type PricedLine } from './use-priced-lines';

export interface CheckoutData {
  lines: PricedLine[];
  membership: MyMembershipView | null;
  addresses: AddressView[];
  /** The server's price of the buyable lines: shipping, the coupon applied, what is paid. */
  quote?: CheckoutQuote;
}

/** 'none': the customer chose no coupon; undefined: the best usable coupon is applied. */
export type CouponChoice = number | 'none' | undefined;

const messages: Record<string, string> = {
  OUT_OF_STOCK: '库存不足，请调整数量',
  MEMBERS_ONLY: '该商品会员优先购，开通会员后可购买',
  ADDRESS_REQUIRED: '请先填写收货地址',
  COUPON_NOT_APPLICABLE: '优惠券不可用，已为您重新计算',
};

/** Checkout: lines priced by the server, the chosen (or default) address, and "submit and pay". */
export function useCheckout(linesParam: string | undefined, fromCart: boolean) {
  const lines = decodeLines(linesParam);
  const [couponChoice, setCouponChoice] = useState<CouponChoice>();
  const state = useAsync<CheckoutData>(
    async () => {
      const [membership, addresses, priced] = await Promise.all([loadMembership(), listAddresses(), priceLines(lines)]);
      const items = buyableItems(priced.lines);
      return {
        membership,
        addresses,
        lines: priced.lines,
        quote: items.length ? await quoteWithCoupon(items, couponChoice) : undefined,
      };
    },
    [linesParam, couponChoice],
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
      const items = buyableItems(state.data.lines);
      const couponId = state.data.quote?.couponId ?? undefined;
      const { order, payment } = await createProductOrder({ items, addressId: address.id, couponId });
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

  return { ...state, address, submit, submitting, chooseCoupon: setCouponChoice };
}

/** Prices the items; unless the customer chose, the usable coupon that takes off most is applied. */
async function quoteWithCoupon(
  items: { skuId: number; quantity: number }[],
  choice: CouponChoice,
): Promise<CheckoutQuote> {
  if (typeof choice === 'number') return quoteOrder({ items, couponId: choice }).catch(() => quoteOrder({ items }));
  const plain = await quoteOrder({ items });
  const best = choice === 'none' ? undefined : plain.coupons.find((c) => c.applicable);
  return best ? quoteOrder({ items, couponId: best.id }) : plain;
}
