import Taro from '@tarojs/taro';

/** The address picked on the address list (select mode), handed back to checkout. */
const KEY = 'mc.checkout.addressId';

export const chooseAddress = (id: number) => Taro.setStorageSync(KEY, id);
export const chosenAddress = (): number | undefined => Number(Taro.getStorageSync(KEY)) || undefined;
