import type { ServerResponse } from 'node:http';
import { MiniProgramSimulator, UploadShippingInfoBody } from '../../src/wechat/dev/mini-program-simulator';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';

type SendJson = (res: ServerResponse, status: number, payload: unknown) => void;

/**
 * The fake WeChat server's stable access token, shipping-information service and phone-number exchange
 * (wechat-ship), in WeChat's documented paths and JSON. Answers true when it handled the request.
 */
export async function handleMiniProgramServices(
  simulator: WechatSimulator,
  miniProgram: MiniProgramSimulator,
  res: ServerResponse,
  url: URL,
  method: string,
  body: string,
  sendJson: SendJson,
): Promise<boolean> {
  const json = () => (body ? JSON.parse(body) : {});
  if (url.pathname === '/cgi-bin/stable_token') {
    if (method !== 'POST') return (sendJson(res, 200, { errcode: 43002, errmsg: 'require POST method' }), true);
    const { grant_type, appid, secret, force_refresh } = json() as {
      grant_type?: string;
      appid?: string;
      secret?: string;
      force_refresh?: boolean;
    };
    if (grant_type !== 'client_credential')
      return (sendJson(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' }), true);
    sendJson(res, 200, simulator.issueStableAccessToken(appid ?? '', secret ?? '', force_refresh === true));
    return true;
  }
  const routes: Record<string, () => Promise<unknown> | unknown> = {
    '/wxa/sec/order/is_trade_managed': () => miniProgram.isTradeManaged((json() as { appid?: string }).appid ?? ''),
    '/wxa/sec/order/upload_shipping_info': () => miniProgram.uploadShippingInfo(json() as UploadShippingInfoBody),
    '/wxa/business/getuserphonenumber': () => miniProgram.getUserPhoneNumber((json() as { code?: string }).code ?? ''),
  };
  const route = routes[url.pathname];
  if (!route) return false;
  if (method !== 'POST') return (sendJson(res, 200, { errcode: 43002, errmsg: 'require POST method' }), true);
  simulator.checkAccessToken(url.searchParams.get('access_token'));
  sendJson(res, 200, await route());
  return true;
}
