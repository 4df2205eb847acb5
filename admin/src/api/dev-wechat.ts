import { api, call } from './client';

/** A subscribe message the dev WeChat simulator received (server: wechat/dev/wechat-simulator.ts). */
export interface DevWechatMessage {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  sentAt: string;
  errcode: number;
}

/** Only in WECHAT_MODE=dev; 404 otherwise. */
export const listDevWechatMessages = () => call<DevWechatMessage[]>(api.GET('/api/dev/wechat/messages'));
