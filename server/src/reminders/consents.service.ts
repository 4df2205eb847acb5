import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsentCreditsView, ErrorCode } from '@member-commerce/shared';
import { badRequest } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { ConsentCredit } from './consent-credit.entity';
import { ReminderRulesService } from './reminder-rules.service';

/** Subscribe-message consent credits: one accepted `requestSubscribeMessage` = one message we may send. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly rules: ReminderRulesService,
  ) {}

  async record(customerId: number, templateIds: string[]): Promise<ConsentCreditsView> {
    const known = new Set(await this.rules.templateIds());
    const unknown = templateIds.find((id) => !known.has(id));
    if (unknown) throw badRequest(ErrorCode.VALIDATION_FAILED, `Unknown subscribe template ${unknown}`);
    return this.transactions.run(async (manager) => {
      for (const templateId of new Set(templateIds)) {
        const lock = this.transactions.lockMode;
        const row = await manager.findOne(ConsentCredit, { where: { customerId, templateId }, lock });
        if (row) await manager.increment(ConsentCredit, { id: row.id }, 'credits', 1);
        else await manager.insert(ConsentCredit, { customerId, templateId, credits: 1 });
      }
      return this.creditsOf(customerId, manager);
    });
  }

  /** The customer's unused consents per template, so the storefront does not ask again while one is left. */
  async creditsOf(customerId: number, manager?: EntityManager): Promise<ConsentCreditsView> {
    if (!manager) return this.transactions.run((m) => this.creditsOf(customerId, m));
    const rows = await manager.findBy(ConsentCredit, { customerId });
    return { credits: Object.fromEntries(rows.map((row) => [row.templateId, row.credits])) };
  }
}
