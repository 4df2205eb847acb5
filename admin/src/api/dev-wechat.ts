import type { DevWechatMessageView } from '@member-commerce/shared';
import { api, call } from './client';

/** Subscribe messages the dev WeChat simulator received; only in WECHAT_MODE=dev, 404 otherwise. */
export const listDevWechatMessages = () => call<DevWechatMessageView[]>(api.GET('/api/dev/wechat/messages'));
