import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  AutoRenewCancelledBy,
  ErrorCode,
  MyAutoRenewView,
  StartAutoRenewResponse,
  TierStatus,
} from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { Customer } from '../customers/customer.entity';
import { Tier } from '../membership/tier.entity';
import { papayContractCode } from '../wechat/papay/papay-wire';
import type { PapayContractEvent } from '../wechat/papay/papay-wire';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { AutoRenewContract } from './auto-renew-contract.entity';
import { AutoRenewCycle } from './auto-renew-cycle.entity';
import { nextChargeOf } from './auto-renew-schedule';
import { MembershipTermsService } from '../membership/membership-terms.service';

/** Cycles still waiting to notify or charge: a cancelled contract ends them. */
const OPEN_CYCLE_STATUSES = ['NOTIFYING', 'NOTIFIED', 'RETRY'] as const;

/**
 * The customer's deduction contract: opting in (pre-signed at WeChat), the signing and termination WeChat
 * reports, cancelling from the shop (at WeChat first, then here), and what the membership page shows.
 */
@Injectable()
export class AutoRenewContractsService {
  private readonly logger = new Logger(AutoRenewContractsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly terms: MembershipTermsService,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  async mine(customerId: number): Promise<MyAutoRenewView> {
    return this.transactions.run(async (manager) => {
      const contract = await manager.findOne(AutoRenewContract, { where: { customerId }, order: { id: 'DESC' } });
      if (!contract) return { status: 'NONE' };
      const now = this.clock.now();
      const cycle = await manager.findOne(AutoRenewCycle, {
        where: { contractId: contract.id },
        order: { termEnd: 'DESC' },
      });
      const grace = await manager.findOne(AutoRenewCycle, {
        where: { customerId, status: 'GRACE' },
        order: { id: 'DESC' },
      });
      const view: MyAutoRenewView = { status: contract.status, tierId: contract.tierId, amountFen: contract.amountFen };
      if (contract.status === 'CANCELLED' && contract.cancelledBy) view.cancelledBy = contract.cancelledBy;
      if (contract.status === 'ACTIVE') {
        const next = await this.nextChargeAt(manager, contract, cycle);
        if (next) view.nextChargeAt = next.toISOString();
      }
      if (grace?.graceUntil && grace.graceUntil > now) view.graceUntil = grace.graceUntil.toISOString();
      if (cycle?.notifiedAt && cycle.chargeAt && ['NOTIFIED', 'RETRY', 'CHARGING'].includes(cycle.status)) {
        view.notice = {
          amountFen: cycle.amountFen,
          chargeAt: cycle.chargeAt.toISOString(),
          sentAt: cycle.notifiedAt.toISOString(),
        };
      }
      return view;
    });
  }

  /** Opt in: a PENDING_SIGN contract (replacing an unsigned one) and what the mini-program opens WeChat's signing with. */
  async start(customerId: number, tierId: number): Promise<StartAutoRenewResponse> {
    const { contract, openid } = await this.transactions
      .run(async (manager) => {
        const tier = await manager.findOneBy(Tier, { id: tierId });
        if (!tier || tier.status !== TierStatus.ACTIVE)
          throw notFound(ErrorCode.TIER_NOT_FOUND, `Tier ${tierId} is not on sale`);
        if (!tier.autoRenewPriceFen)
          throw badRequest(ErrorCode.AUTO_RENEW_NOT_OFFERED, `${tier.name} does not offer auto-renew`);
        const customer = await manager.findOne(Customer, {
          where: { id: customerId },
          lock: this.transactions.lockMode,
        });
        const open = await manager.findOneBy(AutoRenewContract, { openKey: customerId });
        if (open?.status === 'ACTIVE')
          throw conflict(ErrorCode.AUTO_RENEW_ALREADY_ACTIVE, 'Auto-renew is already on; cancel it first to change it');
        if (open) await this.close(manager, open, 'CUSTOMER', this.clock.now());
        const saved = await manager.save(
          manager.create(AutoRenewContract, {
            customerId,
            tierId,
            amountFen: tier.autoRenewPriceFen,
            status: 'PENDING_SIGN',
            outContractCode: `P${randomBytes(8).toString('hex')}`,
            openKey: customerId,
          }),
        );
        saved.outContractCode = papayContractCode(saved.id, randomBytes(6).toString('hex'));
        await manager.update(AutoRenewContract, { id: saved.id }, { outContractCode: saved.outContractCode });
        return { contract: saved, openid: customer!.openid };
      })
      .catch((error) => {
        if (isUniqueViolation(error))
          throw conflict(ErrorCode.AUTO_RENEW_ALREADY_ACTIVE, 'Another opt-in is in progress');
        throw error;
      });
    try {
      const signParams = await this.wechat.papayPreSign({
        outContractCode: contract.outContractCode,
        openid,
        displayAccount: `会员${customerId}`,
      });
      return { contract: { id: contract.id, status: 'PENDING_SIGN' }, signParams };
    } catch (error) {
      this.logger.error(`Papay pre-sign failed for contract ${contract.id}: ${(error as Error).message}`);
      await this.transactions.run((manager) => this.close(manager, contract, 'CUSTOMER', this.clock.now()));
      throw new DomainError(
        ErrorCode.PAYMENT_FAILED,
        'WeChat Pay is unavailable, please try again',
        HttpStatus.BAD_GATEWAY,
      );
    }
  }

  /** Cancel from the shop: ended at WeChat first (a contract WeChat still holds could still be charged), then here. */
  async cancel(customerId: number): Promise<void> {
    const contract = await this.transactions.run((manager) =>
      manager.findOneBy(AutoRenewContract, { openKey: customerId }),
    );
    if (!contract) throw notFound(ErrorCode.AUTO_RENEW_NOT_FOUND, 'Auto-renew is not on');
    if (contract.status === 'ACTIVE' && contract.wechatContractId) {
      try {
        await this.wechat.papayTerminate(contract.wechatContractId, '用户在会员页取消自动续费');
      } catch (error) {
        this.logger.error(`Papay terminate failed for contract ${contract.id}: ${(error as Error).message}`);
        throw new DomainError(
          ErrorCode.PAYMENT_FAILED,
          'WeChat Pay is unavailable, please try again',
          HttpStatus.BAD_GATEWAY,
        );
      }
    }
    await this.transactions.run(async (manager) => {
      const locked = await manager.findOne(AutoRenewContract, {
        where: { id: contract.id },
        lock: this.transactions.lockMode,
      });
      if (locked && locked.status !== 'CANCELLED') await this.close(manager, locked, 'CUSTOMER', this.clock.now());
    });
  }

  /**
   * WeChat's verified word: signed (PENDING_SIGN → ACTIVE) or terminated (→ CANCELLED at once). Replays change
   * nothing. A signature that arrives for a contract already cancelled here is ended at WeChat too, so WeChat never
   * holds a contract we would not honour.
   */
  async applyContractEvent(event: PapayContractEvent): Promise<void> {
    const identity = this.wechat.identity();
    if (event.appid !== identity.appId || event.mchid !== identity.mchId)
      throw badRequest(ErrorCode.VALIDATION_FAILED, 'appid or mchid is not ours');
    const orphan = await this.transactions.run(async (manager) => {
      const contract = await manager.findOne(AutoRenewContract, {
        where: { outContractCode: event.outContractCode },
        lock: this.transactions.lockMode,
      });
      if (!contract) throw notFound(ErrorCode.AUTO_RENEW_NOT_FOUND, `No contract ${event.outContractCode}`);
      const customer = await manager.findOneByOrFail(Customer, { id: contract.customerId });
      if (customer.openid !== event.openid)
        throw badRequest(ErrorCode.VALIDATION_FAILED, 'the contract names another user');
      const now = this.clock.now();
      if (event.state === 'SIGNED' && contract.status === 'PENDING_SIGN') {
        await manager.update(
          AutoRenewContract,
          { id: contract.id },
          { status: 'ACTIVE', wechatContractId: event.contractId, signedAt: event.at ? new Date(event.at) : now },
        );
      } else if (event.state === 'TERMINATED' && contract.status !== 'CANCELLED') {
        await this.close(manager, contract, event.terminationMode === 'MERCHANT' ? 'CUSTOMER' : 'WECHAT', now);
      }
      return event.state === 'SIGNED' && contract.status === 'CANCELLED' && !contract.wechatContractId;
    });
    if (orphan) await this.wechat.papayTerminate(event.contractId, '签约前已在商城取消');
  }

  /** Ends a contract here and its cycles still waiting; a grace already given runs to its end. */
  async close(manager: EntityManager, contract: AutoRenewContract, by: AutoRenewCancelledBy, now: Date): Promise<void> {
    await manager.update(
      AutoRenewContract,
      { id: contract.id },
      { status: 'CANCELLED', openKey: null, cancelledAt: now, cancelledBy: by },
    );
    await manager.update(
      AutoRenewCycle,
      { contractId: contract.id, status: In([...OPEN_CYCLE_STATUSES]) },
      { status: 'SKIPPED', lastError: `contract cancelled (${by})` },
    );
    Object.assign(contract, { status: 'CANCELLED', openKey: null, cancelledAt: now, cancelledBy: by });
  }

  /** The planned charge of the open cycle, else the day before the paid term ends. */
  async nextChargeAt(
    manager: EntityManager,
    contract: AutoRenewContract,
    cycle: AutoRenewCycle | null,
  ): Promise<Date | null> {
    const open = cycle && ['NOTIFIED', 'RETRY', 'CHARGING'].includes(cycle.status);
    const paidEnd = open ? null : await this.terms.paidEnd(manager, contract.customerId);
    return nextChargeOf(cycle, paidEnd, this.clock.now());
  }
}
