import { generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WechatLiveConfig } from '../../src/config/app-config';
import {
  parseAuthorization,
  randomNonce,
  requestSigningMessage,
  rsaSign,
  rsaVerify,
  wechatSigningMessage,
} from '../../src/wechat/pay/pay-crypto';
import { SimulatedWechatError, WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { tradeBillSha1 } from '../../src/wechat/pay/trade-bill';
import { PapaySimulator } from '../../src/wechat/dev/papay-simulator';
import { MiniProgramSimulator } from '../../src/wechat/dev/mini-program-simulator';
import { handleMiniProgramServices } from './fake-wechat-mini-program';

/**
 * How the fake signs its WeChat Pay answers: `valid` as WeChat does; `forged` with a key that is not the
 * platform key; `unsigned` without Wechatpay-* headers; `stale` with a timestamp ten minutes old.
 */
export type FakeResponseSigning = 'valid' | 'forged' | 'unsigned' | 'stale';

export interface FakeWechatServer {
  url: string;
  simulator: WechatSimulator;
  /** WeChat's 委托代扣 side (contracts, notices, charges), in memory. */
  papay: PapaySimulator;
  /** The shipping-information service and phone numbers (wechat-ship). */
  miniProgram: MiniProgramSimulator;
  /** Everything `WECHAT_MODE=live` needs to talk to this server, except the notify URL. */
  liveConfig: Omit<WechatLiveConfig, 'notifyUrl'>;
  merchantPublicKey: string;
  /** Requests seen, for assertions. */
  requests: { method: string; path: string; body?: string }[];
  /** Switch to tamper with the answers, e.g. to check the client rejects forged ones. */
  setResponseSigning(mode: FakeResponseSigning): void;
  /** Serve trade bill files that differ from the SHA1 the bill API states (a damaged download). */
  setBillTampering(tampered: boolean): void;
  close(): Promise<void>;
}

/**
 * WeChat's HTTP APIs on 127.0.0.1, backed by a WechatSimulator: it checks the merchant's request signatures
 * (401 SIGN_ERROR otherwise) and signs every WeChat Pay answer with the platform key, as WeChat does.
 */
export async function startFakeWechatServer(): Promise<FakeWechatServer> {
  const simulator = new WechatSimulator();
  const papay = new PapaySimulator(simulator);
  const miniProgram = new MiniProgramSimulator(simulator);
  const requests: { method: string; path: string; body?: string }[] = [];
  let responseSigning: FakeResponseSigning = 'valid';
  let billTampered = false;
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  let serverUrl = '';

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      ...(url.pathname.startsWith('/v3/papay/') ? { body } : {}),
    });
    try {
      if (url.pathname.startsWith('/v3/')) return await handlePay(req, res, url, body);
      if (await handleMiniProgramServices(simulator, miniProgram, res, url, req.method ?? 'GET', body, sendJson))
        return;
      return await handleMiniProgram(res, url, body);
    } catch (error) {
      if (error instanceof SimulatedWechatError) {
        const payload = url.pathname.startsWith('/v3/')
          ? { code: error.code, message: error.message }
          : { errcode: error.code, errmsg: error.message };
        return sendJson(
          res,
          url.pathname.startsWith('/v3/') ? error.status : 200,
          payload,
          url.pathname.startsWith('/v3/'),
        );
      }
      return sendJson(res, 500, { code: 'SYSTEM_ERROR', message: String(error) }, true);
    }
  });

  async function handleMiniProgram(res: ServerResponse, url: URL, body: string) {
    const q = url.searchParams;
    if (url.pathname === '/sns/jscode2session') {
      if (q.get('appid') !== simulator.appId || q.get('secret') !== simulator.appSecret)
        return sendJson(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      return sendJson(res, 200, simulator.code2Session(q.get('js_code') ?? ''));
    }
    if (url.pathname === '/cgi-bin/token')
      return sendJson(res, 200, simulator.issueAccessToken(q.get('appid') ?? '', q.get('secret') ?? ''));
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      simulator.checkAccessToken(q.get('access_token'));
      const message = JSON.parse(body) as {
        touser: string;
        template_id: string;
        page?: string;
        data: Record<string, { value: string }>;
        miniprogram_state?: 'formal';
      };
      return sendJson(
        res,
        200,
        await simulator.sendSubscribeMessage({
          openid: message.touser,
          templateId: message.template_id,
          page: message.page,
          data: message.data,
          miniprogramState: message.miniprogram_state,
        }),
      );
    }
    return sendJson(res, 404, { errcode: 404, errmsg: 'not found' });
  }

  async function handlePay(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const auth = parseAuthorization(req.headers.authorization);
    const urlPath = `${url.pathname}${url.search}`;
    const signed =
      auth &&
      auth.mchid === simulator.mchId &&
      auth.serial_no === simulator.merchantSerial &&
      rsaVerify(
        requestSigningMessage({
          method: req.method ?? 'GET',
          urlPath,
          body,
          timestamp: auth.timestamp,
          nonce: auth.nonce_str,
        }),
        auth.signature,
        simulator.merchantPublicKeyObject,
      );
    if (!signed) return sendJson(res, 401, { code: 'SIGN_ERROR', message: 'signature verification failed' }, true);

    const path = url.pathname;
    let match: RegExpMatchArray | null;
    if (req.method === 'POST' && path === '/v3/pay/transactions/jsapi')
      return sendJson(res, 200, await simulator.createPrepay(JSON.parse(body)), true);
    if (req.method === 'GET' && (match = path.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/))) {
      const order = await simulator.queryOrder(decodeURIComponent(match[1]));
      return order
        ? sendJson(res, 200, order, true)
        : sendJson(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, true);
    }
    if (req.method === 'POST' && (match = path.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/))) {
      await simulator.closeOrder(decodeURIComponent(match[1]));
      return sendJson(res, 204, undefined, true);
    }
    if (req.method === 'POST' && path === '/v3/refund/domestic/refunds')
      return sendJson(res, 200, await simulator.createRefund(JSON.parse(body)), true);
    if (req.method === 'GET' && (match = path.match(/^\/v3\/refund\/domestic\/refunds\/([^/]+)$/))) {
      const refund = await simulator.queryRefund(decodeURIComponent(match[1]));
      return refund
        ? sendJson(res, 200, refund, true)
        : sendJson(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' }, true);
    }
    if (req.method === 'GET' && path === '/v3/bill/tradebill') {
      const billDate = url.searchParams.get('bill_date') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate))
        return sendJson(res, 400, { code: 'PARAM_ERROR', message: 'bill_date' }, true);
      const file = await simulator.tradeBillFile(billDate);
      if (file.split('\r\n').length <= 4)
        return sendJson(res, 400, { code: 'NO_STATEMENT_EXIST', message: '账单文件不存在' }, true);
      return sendJson(
        res,
        200,
        {
          hash_type: 'SHA1',
          hash_value: tradeBillSha1(file),
          download_url: `${serverUrl}/v3/billdownload/file?token=${billDate}`,
        },
        true,
      );
    }
    if (req.method === 'GET' && path === '/v3/billdownload/file') {
      const file = await simulator.tradeBillFile(url.searchParams.get('token') ?? '');
      // The file is answered unsigned, as WeChat does: the SHA1 from the bill API is what vouches for it.
      return res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end(billTampered ? file.replace('`SUCCESS', '`REFUND') : file);
    }
    if (path.startsWith('/v3/papay/')) return handlePapay(req, res, path, body);
    return sendJson(res, 404, { code: 'NOT_FOUND', message: path }, true);
  }

  /** 委托代扣 (papay), v3: pre-sign (mini-program), pre-deduction notice, charge, merchant terminate. */
  async function handlePapay(req: IncomingMessage, res: ServerResponse, path: string, body: string) {
    let match: RegExpMatchArray | null;
    if (req.method !== 'POST') return sendJson(res, 404, { code: 'NOT_FOUND', message: path }, true);
    if (path === '/v3/papay/sign/contracts/pre-entrust-sign/mini-program')
      return sendJson(res, 200, await papay.preSign(JSON.parse(body)), true);
    if ((match = path.match(/^\/v3\/papay\/contracts\/([^/]+)\/notify$/))) {
      await papay.notify(decodeURIComponent(match[1]), JSON.parse(body));
      return sendJson(res, 204, undefined, true);
    }
    if (path === '/v3/papay/pay/transactions/apply') {
      await papay.apply(JSON.parse(body));
      return sendJson(res, 204, undefined, true);
    }
    if ((match = path.match(/^\/v3\/papay\/contracts\/([^/]+)\/terminate$/))) {
      await papay.terminate(decodeURIComponent(match[1]));
      return sendJson(res, 204, undefined, true);
    }
    return sendJson(res, 404, { code: 'NOT_FOUND', message: path }, true);
  }

  function sendJson(res: ServerResponse, status: number, payload: unknown, signed = false) {
    const text = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': 'application/json' };
    if (signed) Object.assign(headers, signatureHeaders(text));
    res.writeHead(status, headers).end(text);
  }

  function signatureHeaders(text: string): Record<string, string> {
    if (responseSigning === 'unsigned') return {};
    if (responseSigning === 'stale') return simulator.signResponse(text, new Date(Date.now() - 600_000));
    const headers = simulator.signResponse(text);
    if (responseSigning === 'forged') {
      const nonce = randomNonce(32);
      Object.assign(headers, {
        'wechatpay-nonce': nonce,
        'wechatpay-signature': rsaSign(wechatSigningMessage(headers['wechatpay-timestamp'], nonce, text), forger),
      });
    }
    return headers;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  serverUrl = url;
  return {
    url,
    simulator,
    papay,
    miniProgram,
    requests,
    setResponseSigning: (mode) => {
      responseSigning = mode;
    },
    setBillTampering: (tampered) => {
      billTampered = tampered;
    },
    merchantPublicKey: simulator.merchantPublicKey,
    liveConfig: {
      appId: simulator.appId,
      secret: simulator.appSecret,
      apiBase: url,
      mchId: simulator.mchId,
      paySerial: simulator.merchantSerial,
      payPrivateKey: simulator.merchantPrivateKey,
      apiV3Key: simulator.apiV3Key,
      platformPublicKey: simulator.platformPublicKey,
      platformPublicKeyId: simulator.platformPublicKeyId,
      payApiBase: url,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; without this close() waits for them to time out
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
