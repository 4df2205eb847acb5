import Taro from '@tarojs/taro';

/** The address picked on the address list (select mode), handed back to checkout. */
const KEY = 'mc.checkout.addressId';

export const chooseAddress = (id: number) => Taro.setStorageSync(KEY, id);
export const chosenAddress = (): number | undefined => Number(Taro.getStorageSync(KEY)) || undefined;
/** Forget a choice made on the address pages (before opening them, and once it is taken). */
export const clearChosenAddress = () => Taro.removeStorageSync(KEY);

/** A gift order waiting for the address the customer is picking on the address list. */
const GIFT_KEY = 'mc.gift.orderId';

export function startGiftAddressChoice(orderId: number) {
  Taro.removeStorageSync(KEY);
  Taro.setStorageSync(GIFT_KEY, orderId);
}

/** The address picked for this gift order, once (the choice is cleared when read). */
export function takeGiftAddressChoice(orderId: number): number | undefined {
  if (Number(Taro.getStorageSync(GIFT_KEY)) !== orderId) return undefined;
  const chosen = chosenAddress();
  if (!chosen) return undefined;
  Taro.removeStorageSync(GIFT_KEY);
  Taro.removeStorageSync(KEY);
  return chosen;
}
