import { randomBytes } from 'node:crypto';
import { toWechatTime } from '../pay/pay-crypto';
import type { PapayApplyBody, PapayContractJson, PapayNotifyBody, PapayPreSignBody } from '../papay/papay-wire';
import { MemoryPapayStore, PapayStore, SimulatedPapayContract, SimulatedPapayNotice } from './papay-store';
import { SignedNotification, SimulatedWechatError, WechatSimulator } from './wechat-simulator';

/** The simulator's 委托代扣 template id (plan_id). */
export const SIMULATED_PAPAY_PLAN_ID = 12535;

/**
 * WeChat's 委托代扣 (papay) in the simulator, taking and answering WeChat's wire shapes (see papay-wire.ts).
 * Charges become ordinary simulated transactions (queried and notified like JSAPI ones); contract events become
 * signed, encrypted PAPAY.* notifications.
 */
export class PapaySimulator {
  constructor(
    private readonly wechat: WechatSimulator,
    private readonly store: PapayStore = new MemoryPapayStore(),
  ) {}

  async preSign(body: PapayPreSignBody): Promise<{ pre_entrustweb_id: string }> {
    if (body.appid !== this.wechat.appId) throw new SimulatedWechatError(400, 'PARAM_ERROR', 'appid does not match');
    if (body.plan_id !== SIMULATED_PAPAY_PLAN_ID) throw new SimulatedWechatError(400, 'PARAM_ERROR', 'unknown plan_id');
    if (!/^[0-9A-Za-z]{1,32}$/.test(body.out_contract_code ?? ''))
      throw new SimulatedWechatError(400, 'PARAM_ERROR', 'out_contract_code must be 1–32 letters or digits');
    const existing = await this.store.findByCode(body.out_contract_code);
    if (existing) {
      if (existing.state !== 'PENDING')
        throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'out_contract_code was already used');
      return { pre_entrustweb_id: existing.preEntrustwebId };
    }
    const contract: SimulatedPapayContract = {
      outContractCode: body.out_contract_code,
      preEntrustwebId: randomBytes(15).toString('base64url'),
      planId: body.plan_id,
      appid: body.appid,
      mchid: this.wechat.mchId,
      openid: body.openid,
      displayAccount: body.contract_display_account,
      notifyUrl: body.contract_notify_url,
      state: 'PENDING',
      failCharges: false,
    };
    await this.store.insertContract(contract);
    return { pre_entrustweb_id: contract.preEntrustwebId };
  }

  /** The user confirms in WeChat's signing mini-program: the contract is signed, its notification built. */
  async sign(
    outContractCode: string,
    at: Date = new Date(),
  ): Promise<{ notification: SignedNotification; notifyUrl: string; contractId: string }> {
    const contract = await this.getByCode(outContractCode);
    const contractId = contract.contractId ?? `2025${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 32);
    if (contract.state === 'PENDING')
      await this.store.updateContract(outContractCode, ['PENDING'], {
        state: 'SIGNED',
        contractId,
        signedAt: toWechatTime(at),
      });
    const signed = await this.getByCode(outContractCode);
    if (signed.state !== 'SIGNED')
      throw new SimulatedWechatError(400, 'CONTRACT_NOT_EXIST', `the contract is ${signed.state}`);
    return {
      notification: await this.contractNotification(signed),
      notifyUrl: signed.notifyUrl,
      contractId: signed.contractId!,
    };
  }

  /** The user turns the deduction off in WeChat (我 → 服务 → 钱包 → 支付设置 → 自动续费). */
  async terminateByUser(
    outContractCode: string,
    at: Date = new Date(),
  ): Promise<{ notification: SignedNotification; notifyUrl: string }> {
    const contract = await this.getByCode(outContractCode);
    if (
      !(await this.store.updateContract(outContractCode, ['SIGNED'], {
        state: 'TERMINATED',
        terminatedAt: toWechatTime(at),
      }))
    ) {
      throw new SimulatedWechatError(400, 'CONTRACT_NOT_EXIST', `the contract is ${contract.state}`);
    }
    return {
      notification: await this.contractNotification(await this.getByCode(outContractCode), 'USER'),
      notifyUrl: contract.notifyUrl,
    };
  }

  async terminate(contractId: string, at: Date = new Date()): Promise<void> {
    const contract = await this.getSigned(contractId, true);
    await this.store.updateContract(contract.outContractCode, ['SIGNED'], {
      state: 'TERMINATED',
      terminatedAt: toWechatTime(at),
    });
  }

  async notify(contractId: string, body: PapayNotifyBody, at: Date = new Date()): Promise<void> {
    const contract = await this.getSigned(contractId);
    if (body.appid !== contract.appid || body.mchid !== contract.mchid)
      throw new SimulatedWechatError(400, 'PARAM_ERROR', 'appid and mchid do not match');
    if (!Number.isInteger(body.estimated_amount?.amount) || body.estimated_amount.amount <= 0)
      throw new SimulatedWechatError(400, 'PARAM_ERROR', 'estimated_amount.amount must be positive');
    await this.store.insertNotice({
      contractId,
      amountFen: body.estimated_amount.amount,
      durationDays: body.deduct_duration?.count ?? 0,
      sentAt: at.toISOString(),
    });
  }

  /** Accepts a charge: never above the last notice's amount; the user's balance decides whether it succeeds. */
  async apply(body: PapayApplyBody, at: Date = new Date()): Promise<void> {
    const contract = await this.getSigned(body.contract_id);
    const [notice] = await this.store.noticesOf(body.contract_id);
    if (!notice)
      throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'no pre-deduction notice was sent for this contract');
    if (body.amount.total > notice.amountFen)
      throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'amount is above the notified amount');
    // 同一商户号 + 同一商户订单号只扣一次: a repeated apply is accepted and changes nothing.
    if (await this.wechat.queryOrder(body.out_trade_no)) return;
    await this.wechat.createPrepay({
      appid: body.appid,
      mchid: contract.mchid,
      description: body.description,
      out_trade_no: body.out_trade_no,
      notify_url: body.transaction_notify_url,
      amount: { total: body.amount.total },
      payer: { openid: contract.openid },
    });
    if (contract.failCharges) await this.wechat.failPayment(body.out_trade_no);
    else await this.wechat.confirmPayment(body.out_trade_no, at);
  }

  /** Tests: make this contract's charges fail (or succeed again). */
  async setChargesFail(outContractCode: string, fail: boolean): Promise<void> {
    const contract = await this.getByCode(outContractCode);
    await this.store.updateContract(outContractCode, [contract.state], { failCharges: fail });
  }

  notices(contractId: string): Promise<SimulatedPapayNotice[]> {
    return this.store.noticesOf(contractId);
  }

  findByCode(outContractCode: string): Promise<SimulatedPapayContract | undefined> {
    return this.store.findByCode(outContractCode);
  }

  findByCodePrefix(prefix: string): Promise<SimulatedPapayContract | undefined> {
    return this.store.findByCodePrefix(prefix);
  }

  private contractNotification(contract: SimulatedPapayContract, mode?: 'USER'): Promise<SignedNotification> {
    const resource: PapayContractJson = {
      mchid: contract.mchid,
      appid: contract.appid,
      contract_id: contract.contractId!,
      out_contract_code: contract.outContractCode,
      plan_id: contract.planId,
      openid: contract.openid,
      contract_state: contract.state === 'TERMINATED' ? 'TERMINATED' : 'SIGNED',
      ...(contract.signedAt ? { contract_signed_time: contract.signedAt } : {}),
      ...(contract.terminatedAt
        ? { contract_terminated_time: contract.terminatedAt, contract_termination_mode: mode ?? 'MERCHANT' }
        : {}),
    };
    const [event, summary] =
      contract.state === 'TERMINATED' ? ['PAPAY.TERMINATE', '解约成功'] : ['PAPAY.SIGN', '签约成功'];
    return this.wechat.buildNotification(event, summary, 'papay_contract', resource);
  }

  private async getByCode(outContractCode: string): Promise<SimulatedPapayContract> {
    const contract = await this.store.findByCode(outContractCode);
    if (!contract) throw new SimulatedWechatError(404, 'CONTRACT_NOT_EXIST', `no contract ${outContractCode}`);
    return contract;
  }

  private async getSigned(contractId: string, allowTerminated = false): Promise<SimulatedPapayContract> {
    const contract = await this.store.findByContractId(contractId);
    if (!contract) throw new SimulatedWechatError(404, 'CONTRACT_NOT_EXIST', `no contract ${contractId}`);
    if (contract.state !== 'SIGNED' && !(allowTerminated && contract.state === 'TERMINATED'))
      throw new SimulatedWechatError(400, 'CONTRACT_NOT_EXIST', `the contract is ${contract.state}`);
    return contract;
  }
}
