import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { getClientConfig } from '../services/api/client-config';
import { getConsents, recordConsents } from '../services/api/membership';
import { toApiError } from '../services/api-error';
import { isH5 } from '../services/env';
import { session } from '../services/session';

export type ConsentState = 'idle' | 'asking' | 'accepted' | 'declined';

/**
 * Asks for one-time subscribe-message consent for renewal reminders and records the accepted
 * templates on the server. weapp: wx.requestSubscribeMessage (must run inside a tap handler).
 * H5 has no such API: the dev simulator answers through a modal.
 */
async function askTemplates(templateIds: string[]): Promise<string[]> {
  if (isH5) {
    const { confirm } = await Taro.showModal({
      title: '模拟订阅消息（开发模式）',
      content: '允许「会员商城」在会员到期前给你发送续费提醒？',
      confirmText: '允许',
      cancelText: '拒绝',
    });
    return confirm ? templateIds : [];
  }
  const result = (await Taro.requestSubscribeMessage({
    tmplIds: templateIds,
    entityIds: [],
  } as never)) as unknown as Record<string, string>;
  return templateIds.filter((id) => result[id] === 'accept');
}

export function useConsent() {
  const [state, setState] = useState<ConsentState>('idle');

  // A consent not yet used up means a reminder will come: show "subscribed" instead of asking again. Checked
  // on every show, since tab pages stay mounted while the customer subscribes elsewhere (after paying).
  const check = useCallback(() => {
    if (!session.getToken()) return; // not logged in: nothing to look up, and no login prompt for it
    void Promise.all([getClientConfig(), getConsents()])
      .then(([config, { credits }]) => {
        if (config.subscribeTemplateIds.some((id) => (credits[id] ?? 0) > 0))
          setState((s) => (s === 'idle' || s === 'declined' ? 'accepted' : s));
      })
      .catch(() => undefined);
  }, []);
  useEffect(check, [check]);
  useDidShow(check);

  async function ask() {
    setState('asking');
    try {
      const { subscribeTemplateIds } = await getClientConfig();
      const accepted = subscribeTemplateIds.length ? await askTemplates(subscribeTemplateIds) : [];
      if (accepted.length) {
        await recordConsents(accepted);
        setState('accepted');
        await Taro.showToast({ title: '已订阅续费提醒', icon: 'success' });
      } else {
        setState('declined');
      }
    } catch (error) {
      setState('idle');
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
  }

  return { state, ask };
}
