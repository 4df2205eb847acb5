import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, LessThan, LessThanOrEqual } from 'typeorm';
import type { AutoRenewRunResult } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { MembershipTermsService } from '../membership/membership-terms.service';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { AutoRenewChargesService, ChargeOutcome } from './auto-renew-charges.service';
import { AutoRenewContract } from './auto-renew-contract.entity';
import { AutoRenewContractsService } from './auto-renew-contracts.service';
import { AutoRenewCycle } from './auto-renew-cycle.entity';
import {
  chargeWindowEnd,
  CYCLE_LEASE_MS,
  deductDurationDays,
  inChargeHours,
  nextAttempt,
  nextChargeTime,
  noticeDueAt,
  plannedChargeAt,
} from './auto-renew-schedule';

const DAY_MS = 86_400_000;

/**
 * One auto-renew pass: pre-deduction notices due, charges due (in WeChat's hours), failed cycles into grace,
 * graces that ran out into a lapse. Every step claims its cycle row first (insert, or a conditional update),
 * so any number of processes may run passes at once and each cycle is notified and charged once.
 */
@Injectable()
export class AutoRenewPassService {
  private readonly logger = new Logger(AutoRenewPassService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly contracts: AutoRenewContractsService,
    private readonly charges: AutoRenewChargesService,
    private readonly terms: MembershipTermsService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async runPass(now: Date = this.clock.now()): Promise<AutoRenewRunResult> {
    const result: AutoRenewRunResult = { notified: 0, charged: 0, failed: 0 };
    result.notified = await this.sendNotices(now);
    await this.recheckStale(now, result);
    await this.chargeDue(now, result);
    await this.closeWindows(now);
    await this.endGraces(now);
    return result;
  }

  private async sendNotices(now: Date): Promise<number> {
    const active = await this.transactions.run((manager) =>
      manager.find(AutoRenewContract, { where: { status: 'ACTIVE' }, order: { id: 'ASC' } }),
    );
    let sent = 0;
    for (const contract of active) {
      const termEnd = await this.transactions.run((manager) => this.terms.paidEnd(manager, contract.customerId));
      if (!termEnd || termEnd <= now || now < noticeDueAt(termEnd, this.config.autoRenew.noticeDays)) continue;
      const cycle = await this.claimNotice(contract, termEnd, now);
      if (cycle && (await this.notify(contract, cycle, now))) sent++;
    }
    return sent;
  }

  /** Inserts the cycle row (the unique (contract, term end) index lets one process win), or takes over a stale one. */
  private async claimNotice(contract: AutoRenewContract, termEnd: Date, now: Date): Promise<AutoRenewCycle | null> {
    const claimToken = randomUUID();
    return this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AutoRenewCycle)
        .values({
          contractId: contract.id,
          customerId: contract.customerId,
          termEnd,
          status: 'NOTIFYING',
          amountFen: contract.amountFen,
          attempts: 0,
          claimToken,
          claimedAt: now,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      await manager.update(
        AutoRenewCycle,
        {
          contractId: contract.id,
          termEnd,
          status: 'NOTIFYING',
          claimedAt: LessThan(new Date(now.getTime() - CYCLE_LEASE_MS)),
        },
        { claimToken, claimedAt: now },
      );
      return manager.findOneBy(AutoRenewCycle, { contractId: contract.id, termEnd, claimToken, status: 'NOTIFYING' });
    });
  }

  private async notify(contract: AutoRenewContract, cycle: AutoRenewCycle, now: Date): Promise<boolean> {
    const chargeAt = plannedChargeAt(cycle.termEnd, now);
    try {
      await this.wechat.papayNotify({
        contractId: contract.wechatContractId!,
        amountFen: cycle.amountFen,
        durationDays: deductDurationDays(now, chargeWindowEnd(cycle.termEnd, chargeAt)),
      });
    } catch (error) {
      this.logger.warn(`Auto-renew notice for contract ${contract.id} failed: ${(error as Error).message}`);
      await this.transactions.run((manager) =>
        manager.delete(AutoRenewCycle, { id: cycle.id, claimToken: cycle.claimToken, status: 'NOTIFYING' }),
      );
      return false;
    }
    await this.transactions.run((manager) =>
      manager.update(
        AutoRenewCycle,
        { id: cycle.id, claimToken: cycle.claimToken, status: 'NOTIFYING' },
        { status: 'NOTIFIED', notifiedAt: now, chargeAt, nextAttemptAt: nextChargeTime(chargeAt) },
      ),
    );
    return true;
  }

  private async chargeDue(now: Date, result: AutoRenewRunResult): Promise<void> {
    if (!inChargeHours(now)) return;
    const due = await this.transactions.run((manager) =>
      manager.find(AutoRenewCycle, {
        where: { status: In(['NOTIFIED', 'RETRY']), nextAttemptAt: LessThanOrEqual(now) },
        order: { id: 'ASC' },
      }),
    );
    for (const cycle of due) {
      const contract = await this.transactions.run((manager) =>
        manager.findOneByOrFail(AutoRenewContract, { id: cycle.contractId }),
      );
      if (contract.status !== 'ACTIVE' || !contract.wechatContractId) continue;
      if (now >= chargeWindowEnd(cycle.termEnd, cycle.chargeAt ?? cycle.termEnd)) continue;
      const paidEnd = await this.transactions.run((manager) => this.terms.paidEnd(manager, cycle.customerId));
      if (paidEnd?.getTime() !== cycle.termEnd.getTime()) {
        // Renewed another way (bought again, or staff): this term end needs no charge.
        await this.transactions.run((manager) =>
          manager.update(
            AutoRenewCycle,
            { id: cycle.id, status: In(['NOTIFIED', 'RETRY']) },
            { status: 'SKIPPED', lastError: 'renewed otherwise' },
          ),
        );
        continue;
      }
      const claimToken = randomUUID();
      const claimed = await this.transactions.run((manager) =>
        manager.update(
          AutoRenewCycle,
          { id: cycle.id, status: In(['NOTIFIED', 'RETRY']), nextAttemptAt: LessThanOrEqual(now) },
          { status: 'CHARGING', claimToken, claimedAt: now, attempts: cycle.attempts + 1 },
        ),
      );
      if (!claimed.affected) continue;
      Object.assign(cycle, { status: 'CHARGING', claimToken, claimedAt: now, attempts: cycle.attempts + 1 });
      await this.record(cycle, await this.charges.charge(cycle, contract, now), now, result);
    }
  }

  /** Attempts a crashed pass (or a slow WeChat) left CHARGING: asked again. */
  private async recheckStale(now: Date, result: AutoRenewRunResult): Promise<void> {
    const stale = await this.transactions.run((manager) =>
      manager.find(AutoRenewCycle, {
        where: { status: 'CHARGING', claimedAt: LessThan(new Date(now.getTime() - CYCLE_LEASE_MS)) },
      }),
    );
    for (const cycle of stale) {
      const claimToken = randomUUID();
      const claimed = await this.transactions.run((manager) =>
        manager.update(
          AutoRenewCycle,
          { id: cycle.id, status: 'CHARGING', claimToken: cycle.claimToken },
          { claimToken, claimedAt: now },
        ),
      );
      if (!claimed.affected) continue;
      cycle.claimToken = claimToken;
      await this.record(cycle, await this.charges.recheck(cycle), now, result);
    }
  }

  private async record(
    cycle: AutoRenewCycle,
    outcome: ChargeOutcome,
    now: Date,
    result: AutoRenewRunResult,
  ): Promise<void> {
    const mine = { id: cycle.id, status: 'CHARGING' as const, claimToken: cycle.claimToken };
    if (outcome.result === 'PENDING') return;
    if (outcome.result === 'PAID') {
      result.charged++;
      await this.transactions.run((manager) =>
        manager.update(AutoRenewCycle, mine, { status: 'CHARGED', lastError: null }),
      );
      return;
    }
    result.failed++;
    const windowEnd = chargeWindowEnd(cycle.termEnd, cycle.chargeAt ?? cycle.termEnd);
    const next = outcome.final ? null : nextAttempt(now, cycle.attempts, windowEnd);
    if (next) {
      await this.transactions.run((manager) =>
        manager.update(AutoRenewCycle, mine, { status: 'RETRY', nextAttemptAt: next, lastError: outcome.error }),
      );
    } else {
      await this.enterGrace(cycle, ['CHARGING'], now, outcome.error);
    }
  }

  /** Charges are over without money: member prices are kept until the grace ends (宽限期), then the term lapses. */
  private async closeWindows(now: Date): Promise<void> {
    const waiting = await this.transactions.run((manager) =>
      manager.find(AutoRenewCycle, { where: { status: In(['NOTIFIED', 'RETRY']) } }),
    );
    for (const cycle of waiting) {
      if (now >= chargeWindowEnd(cycle.termEnd, cycle.chargeAt ?? cycle.termEnd))
        await this.enterGrace(cycle, ['NOTIFIED', 'RETRY'], now, cycle.lastError ?? 'charge window closed');
    }
  }

  private async enterGrace(
    cycle: AutoRenewCycle,
    from: AutoRenewCycle['status'][],
    now: Date,
    error: string,
  ): Promise<void> {
    const graceUntil = new Date(cycle.termEnd.getTime() + this.config.autoRenew.graceDays * DAY_MS);
    await this.transactions.run(async (manager) => {
      const moved = await manager.update(
        AutoRenewCycle,
        { id: cycle.id, status: In(from), ...(from.includes('CHARGING') ? { claimToken: cycle.claimToken } : {}) },
        { status: 'GRACE', graceUntil, lastError: error },
      );
      if (moved.affected) await this.terms.addGrace(manager, cycle.customerId, graceUntil, now);
    });
  }

  private async endGraces(now: Date): Promise<void> {
    const ended = await this.transactions.run((manager) =>
      manager.find(AutoRenewCycle, { where: { status: 'GRACE', graceUntil: LessThanOrEqual(now) } }),
    );
    for (const cycle of ended) {
      const paidEnd = await this.transactions.run((manager) => this.terms.paidEnd(manager, cycle.customerId));
      const renewed = !!paidEnd && paidEnd > cycle.termEnd;
      const moved = await this.transactions.run((manager) =>
        manager.update(AutoRenewCycle, { id: cycle.id, status: 'GRACE' }, { status: renewed ? 'SKIPPED' : 'LAPSED' }),
      );
      if (!moved.affected || renewed) continue;
      const contract = await this.transactions.run((manager) =>
        manager.findOneByOrFail(AutoRenewContract, { id: cycle.contractId }),
      );
      if (contract.status !== 'ACTIVE') continue;
      // The term lapsed: the contract ends too (at WeChat, then here), so nothing is charged for a term no one holds.
      if (contract.wechatContractId)
        await this.wechat
          .papayTerminate(contract.wechatContractId, '续费扣款失败，会员已到期')
          .catch((error) => this.logger.warn(`terminate ${contract.id}: ${(error as Error).message}`));
      await this.transactions.run(async (manager) => {
        const locked = await manager.findOne(AutoRenewContract, {
          where: { id: contract.id },
          lock: this.transactions.lockMode,
        });
        if (locked?.status === 'ACTIVE') await this.contracts.close(manager, locked, 'LAPSED', now);
      });
    }
  }
}
