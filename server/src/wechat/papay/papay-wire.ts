import type { NotifyHeaders } from '../wechat-gateway';
import { decryptResource } from '../pay/pay-crypto';
import { verifyWechatSignature, WechatNotifyRejectedError, WechatPayPlatform } from '../pay/notify-verifier';

/**
 * WeChat Pay 委托代扣 (papay), v3 wire format, direct merchant:
 * - pre-sign (小程序): POST /v3/papay/sign/contracts/pre-entrust-sign/mini-program → { pre_entrustweb_id }, then the
 *   mini-program opens WeChat's signing mini-program (appId wxbd687630cd02ce1d, path pages/index/index) with
 *   extraData { pre_entrustweb_id } (小程序纯签约);
 * - 预扣费通知: POST /v3/papay/contracts/{contract_id}/notify { mchid, appid, deduct_duration, estimated_amount } → 204;
 * - 申请扣款: POST /v3/papay/pay/transactions/apply { appid, out_trade_no, description, transaction_notify_url,
 *   contract_id, amount } → 204 (accepted); the result comes as a TRANSACTION.* notification and the order query;
 * - 解约: POST /v3/papay/contracts/{contract_id}/terminate { appid, termination_note } → 204;
 * - 签约/解约结果通知: a v3 notification (PAPAY.SIGN / PAPAY.TERMINATE) whose resource names the contract.
 */
export const PAPAY_SIGN_MINIPROGRAM = { appId: 'wxbd687630cd02ce1d', path: 'pages/index/index' } as const;

export const PAPAY_PATHS = {
  preSign: '/v3/papay/sign/contracts/pre-entrust-sign/mini-program',
  notify: (contractId: string) => `/v3/papay/contracts/${encodeURIComponent(contractId)}/notify`,
  apply: '/v3/papay/pay/transactions/apply',
  terminate: (contractId: string) => `/v3/papay/contracts/${encodeURIComponent(contractId)}/terminate`,
} as const;

export interface PapayPreSignBody {
  appid: string;
  openid: string;
  plan_id: number;
  out_contract_code: string;
  contract_display_account: string;
  contract_notify_url: string;
}

export interface PapayNotifyBody {
  mchid: string;
  appid: string;
  /** 可扣费期: the charge happens within this many days of the notice. */
  deduct_duration: { count: number; unit: 'DAY' };
  estimated_amount: { amount: number; currency: 'CNY' };
}

export interface PapayApplyBody {
  appid: string;
  out_trade_no: string;
  description: string;
  transaction_notify_url: string;
  contract_id: string;
  amount: { total: number; currency: 'CNY' };
}

/** The decrypted resource of a PAPAY.SIGN / PAPAY.TERMINATE notification. */
export interface PapayContractJson {
  mchid: string;
  appid: string;
  contract_id: string;
  out_contract_code: string;
  plan_id: number;
  openid: string;
  contract_state: 'SIGNED' | 'TERMINATED';
  contract_signed_time?: string;
  contract_terminated_time?: string;
  /** 解约方式: USER (the user in WeChat), MERCHANT (our terminate call), PLATFORM. */
  contract_termination_mode?: 'USER' | 'MERCHANT' | 'PLATFORM';
}

/** A verified contract notification. */
export interface PapayContractEvent {
  id: string;
  contractId: string;
  outContractCode: string;
  planId: number;
  openid: string;
  appid: string;
  mchid: string;
  state: 'SIGNED' | 'TERMINATED';
  at?: string;
  terminationMode?: string;
}

/** Verifies (signature, serial, ±5 min) and decrypts a papay contract notification. Throws WechatNotifyRejectedError. */
export function parsePapayNotification(
  headers: NotifyHeaders,
  rawBody: string,
  platform: WechatPayPlatform,
  now: Date,
): PapayContractEvent {
  verifyWechatSignature(headers, rawBody, platform, now);
  let resource: PapayContractJson;
  let id: string;
  try {
    const body = JSON.parse(rawBody) as {
      id: string;
      event_type: string;
      resource: { algorithm: string; ciphertext: string; nonce: string; associated_data?: string };
    };
    if (typeof body.id !== 'string' || !String(body.event_type).startsWith('PAPAY.'))
      throw new Error('not a papay notification');
    id = body.id;
    resource = JSON.parse(decryptResource(body.resource, platform.apiV3Key)) as PapayContractJson;
  } catch (error) {
    throw new WechatNotifyRejectedError('MALFORMED', (error as Error).message);
  }
  if (
    typeof resource?.contract_id !== 'string' ||
    typeof resource.out_contract_code !== 'string' ||
    !['SIGNED', 'TERMINATED'].includes(resource.contract_state)
  ) {
    throw new WechatNotifyRejectedError('MALFORMED', 'contract resource incomplete');
  }
  return {
    id,
    contractId: resource.contract_id,
    outContractCode: resource.out_contract_code,
    planId: Number(resource.plan_id),
    openid: resource.openid,
    appid: resource.appid,
    mchid: resource.mchid,
    state: resource.contract_state,
    at: resource.contract_state === 'SIGNED' ? resource.contract_signed_time : resource.contract_terminated_time,
    terminationMode: resource.contract_termination_mode,
  };
}

/**
 * Our 商户签约协议号 for contract `id`: letters and digits only, unique per merchant for ever (a fresh random tail,
 * since WeChat never accepts a code twice); the prefix finds the contract again in the dev simulator.
 */
export const papayContractCodePrefix = (id: number): string => `MC${id}R`;
export const papayContractCode = (id: number, tail: string): string =>
  `${papayContractCodePrefix(id)}${tail}`.slice(0, 32);
