import Taro from '@tarojs/taro';
import type { AddressInput } from '@member-commerce/shared';
import { isWeapp } from './env';

/** Said wherever the WeChat address cannot be read (H5 has no `chooseAddress`). */
export const WECHAT_ADDRESS_UNAVAILABLE = '网页版无法读取微信收货地址，请手动填写';

/** Whether one-tap import of the WeChat address (`wx.chooseAddress`) is available here. */
export const canImportWechatAddress = isWeapp;

/**
 * The address the customer picks in WeChat's own address book, as our form's fields (the server checks the
 * 省市区 again). null when they cancel; throws on H5, where the API does not exist.
 */
export async function importWechatAddress(): Promise<AddressInput | null> {
  if (!canImportWechatAddress) throw new Error(WECHAT_ADDRESS_UNAVAILABLE);
  try {
    const picked = await Taro.chooseAddress();
    return {
      name: picked.userName,
      phone: picked.telNumber,
      province: picked.provinceName,
      city: picked.cityName,
      district: picked.countyName,
      detail: picked.detailInfo,
      isDefault: false,
    };
  } catch (error) {
    if (/cancel/i.test((error as { errMsg?: string }).errMsg ?? '')) return null;
    throw error;
  }
}
