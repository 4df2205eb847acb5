import Taro from '@tarojs/taro';
import { isWeapp } from './env';

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

export const PRIVACY_ASK_EVENT = 'privacy:ask';
/** The id of the `open-type="agreePrivacyAuthorization"` button WeChat expects back when the user agrees. */
export const AGREE_BUTTON_ID = 'agree-privacy';

let pending: Resolve | undefined;

/**
 * The weapp declares `__usePrivacyCheck__`: before a privacy API (chooseImage / chooseMedia, chooseAddress,
 * getPhoneNumber) runs for a user who has not agreed yet, WeChat calls `onNeedPrivacyAuthorization`, and the API
 * waits until we resolve it. The popup (components/privacy-popup) shows the shop's user agreement and privacy guide.
 */
export function installPrivacyHandler(): void {
  const wx = (globalThis as { wx?: { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void } })
    .wx;
  if (!isWeapp || !wx?.onNeedPrivacyAuthorization) return;
  wx.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    Taro.eventCenter.trigger(PRIVACY_ASK_EVENT);
  });
}

/** The popup's answer; the waiting privacy API then runs (agree) or fails (disagree). */
export function answerPrivacy(agree: boolean): void {
  pending?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  pending = undefined;
}
