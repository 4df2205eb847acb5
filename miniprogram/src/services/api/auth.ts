import type { WechatLoginResponse } from '@member-commerce/shared';
import { http } from '../request';

export const wechatLogin = (code: string) =>
  http.post<WechatLoginResponse>('/api/auth/wechat-login', { code }, { auth: 'none' });
