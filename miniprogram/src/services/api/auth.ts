import type { WechatLoginResponse } from '@member-commerce/shared';
import { anonymousApi, call } from '../request';

export const wechatLogin = (code: string) =>
  call<WechatLoginResponse>(anonymousApi.POST('/api/auth/wechat-login', { body: { code } }));
