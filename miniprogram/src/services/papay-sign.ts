import Taro from '@tarojs/taro';
import type { PapaySignParams } from '@member-commerce/shared';
import { isH5 } from './env';

/**
 * Opens WeChat's contract-signing mini-program (委托代扣 小程序纯签约) with what the server pre-signed. The
 * customer returns to us afterwards; the server learns the result from WeChat's notification, never from here.
 * H5 has no WeChat: the dev simulator's "confirm in WeChat" button stands in (see AutoRenewPanel).
 */
export async function openContractSigning(params: PapaySignParams): Promise<void> {
  if (isH5) return;
  await Taro.navigateToMiniProgram({ appId: params.appId, path: params.path, extraData: params.extraData });
}
