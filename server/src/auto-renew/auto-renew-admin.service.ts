import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  AdminAutoRenewContract,
  AutoRenewContractStatus,
  AutoRenewRunResult,
  autoRenewErrorText,
  ErrorCode,
  WechatMode,
} from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { forbidden } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Tier } from '../membership/tier.entity';
import { AutoRenewContract } from './auto-renew-contract.entity';
import { AutoRenewContractsService } from './auto-renew-contracts.service';
import { AutoRenewCycle } from './auto-renew-cycle.entity';
import { AutoRenewPassService } from './auto-renew-pass.service';

const LISTED = 500;

/** Staff's view of the contracts (active, cancelled, failed charges, next charge) and the pass on demand. */
@Injectable()
export class AutoRenewAdminService {
  constructor(
    private readonly transactions: Transactions,
    private readonly contracts: AutoRenewContractsService,
    private readonly pass: AutoRenewPassService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A pass now, or in dev mode as if at another time (like the reminder pass). */
  runNow(asOf?: string): Promise<AutoRenewRunResult> {
    if (asOf === undefined) return this.pass.runPass();
    if (this.config.wechat.mode !== WechatMode.DEV)
      throw forbidden(ErrorCode.DEV_ONLY, 'Running a pass at another time is only possible in dev mode');
    return this.pass.runPass(new Date(asOf));
  }

  list(status?: AutoRenewContractStatus): Promise<AdminAutoRenewContract[]> {
    return this.transactions.run(async (manager) => {
      const rows = await manager.find(AutoRenewContract, {
        where: status ? { status } : {},
        relations: { customer: true },
        order: { id: 'DESC' },
        take: LISTED,
      });
      const tiers = new Map(
        (await manager.findBy(Tier, { id: In([...new Set(rows.map((r) => r.tierId))]) })).map((t) => [t.id, t.name]),
      );
      const cycles = rows.length
        ? await manager.find(AutoRenewCycle, {
            where: { contractId: In(rows.map((r) => r.id)) },
            order: { termEnd: 'ASC' },
          })
        : [];
      const now = this.clock.now();
      const views: AdminAutoRenewContract[] = [];
      for (const contract of rows) {
        const own = cycles.filter((cycle) => cycle.contractId === contract.id);
        const last = own[own.length - 1] ?? null;
        const next = contract.status === 'ACTIVE' ? await this.contracts.nextChargeAt(manager, contract, last) : null;
        const grace = own.find((cycle) => cycle.status === 'GRACE' && cycle.graceUntil && cycle.graceUntil > now);
        views.push({
          id: contract.id,
          customer: { id: contract.customerId, nickname: contract.customer.nickname },
          tierId: contract.tierId,
          tierName: tiers.get(contract.tierId) ?? '',
          amountFen: contract.amountFen,
          status: contract.status,
          wechatContractId: contract.wechatContractId,
          signedAt: contract.signedAt?.toISOString() ?? null,
          cancelledAt: contract.cancelledAt?.toISOString() ?? null,
          cancelledBy: contract.cancelledBy,
          nextChargeAt: next?.toISOString() ?? null,
          failedCharges: own.reduce(
            (sum, cycle) => sum + (cycle.status === 'CHARGED' ? cycle.attempts - 1 : cycle.attempts),
            0,
          ),
          graceUntil: grace?.graceUntil?.toISOString() ?? null,
          lastCycleStatus: last?.status ?? null,
          lastError: last?.lastError ? { text: autoRenewErrorText(last.lastError)!, code: last.lastError } : null,
        });
      }
      return views;
    });
  }
}
