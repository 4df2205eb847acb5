import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LedgerEntry } from './ledger-entry.entity';
import { allocateFee } from './recognition/allocate-fee';
import { markRevenueDirty } from './report/revenue-dirty';
import { ShopCalendar } from '@member-commerce/shared';

export type LedgerEntryInput = Omit<LedgerEntry, 'id'>;

/** What the ledger needs of a membership order: its hooks and the backfill pass plain rows, not Order entities. */
export interface LedgerOrder {
  id: number;
  outTradeNo: string;
  customerId: number;
  tierId: number | null;
}

/** What the ledger needs of a membership term. */
export interface LedgerTerm {
  id: number;
  membershipId: number;
  tierId: number;
  start: Date;
  end: Date;
  orderId?: number | null;
}

/**
 * Appends to the revenue ledger inside the caller's transaction (so an entry lands with the state change that
 * caused it, or not at all). Entries are never deleted, nor changed except by the backfill, which fills in the goods
 * share of a payment recorded before allocation existed (ledger-backfill.ts).
 */
@Injectable()
export class LedgerService {
  private readonly calendar: ShopCalendar;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.calendar = new ShopCalendar(config.shopTimeZone);
  }

  /**
   * Writes `entry` once (its sourceKey is unique); fills `outTradeNo` and a payment's `serviceDays` when missing. An
   * entry on an order also queues its customer for the materialised report (one more insert).
   */
  async record(manager: EntityManager, entry: LedgerEntryInput): Promise<void> {
    if (await manager.existsBy(LedgerEntry, { sourceKey: entry.sourceKey })) return;
    const outTradeNo = entry.outTradeNo ?? (entry.orderId ? await this.outTradeNoOf(manager, entry.orderId) : null);
    const serviceDays =
      entry.serviceDays ??
      (entry.kind === 'PAYMENT' && entry.termId ? await this.serviceDaysOfTerm(manager, entry.termId) : null);
    await manager.insert(LedgerEntry, { ...entry, outTradeNo, serviceDays });
    // An order's entries move the materialised report figures: its customer is recomputed before the next report.
    if (entry.orderId !== null && entry.orderId !== undefined) await markRevenueDirty(manager, entry.customerId);
  }

  /**
   * A membership order paid: + its fee, spread over the days of the term it bought. `goodsFen`: the share of the fee
   * allocated to its welcome gift pack (allocateFee; see allocationOf), recognised when the pack ships.
   */
  recordPayment(
    manager: EntityManager,
    input: {
      order: LedgerOrder;
      paymentId: number;
      transactionId: string | null;
      amountFen: number;
      term: LedgerTerm;
      at: Date;
      goodsFen?: number | null;
    },
  ): Promise<void> {
    return this.record(manager, {
      sourceKey: `payment:${input.paymentId}`,
      kind: 'PAYMENT',
      occurredAt: input.at,
      orderId: input.order.id,
      outTradeNo: input.order.outTradeNo,
      customerId: input.order.customerId,
      tierId: input.order.tierId ?? input.term.tierId,
      termId: input.term.id,
      amountFen: input.amountFen,
      serviceDays: this.serviceDays(input.term),
      goodsFen: input.goodsFen ?? null,
      channelTransactionId: input.transactionId,
    });
  }

  /** A refund succeeded: − the amount, on the day WeChat says it succeeded. */
  recordRefund(
    manager: EntityManager,
    input: {
      order: LedgerOrder;
      refundId: number;
      wechatRefundId: string | null;
      amountFen: number;
      termId: number | null;
      at: Date;
    },
  ): Promise<void> {
    return this.record(manager, {
      sourceKey: `refund:${input.refundId}`,
      kind: 'REFUND',
      occurredAt: input.at,
      orderId: input.order.id,
      outTradeNo: input.order.outTradeNo,
      customerId: input.order.customerId,
      tierId: input.order.tierId,
      termId: input.termId,
      amountFen: -Math.abs(input.amountFen),
      serviceDays: null,
      goodsFen: null,
      channelTransactionId: input.wechatRefundId,
    });
  }

  /**
   * The welcome gift pack bought with membership order `membershipOrderId` shipped: a 0 entry on that order whose
   * day recognises the fee's goods share (the first delivery counts).
   */
  recordDelivery(
    manager: EntityManager,
    input: {
      membershipOrderId: number;
      giftOrderId: number;
      customerId: number;
      tierId: number | null;
      termId: number | null;
      at: Date;
    },
  ): Promise<void> {
    return this.record(manager, {
      sourceKey: `delivery:order:${input.giftOrderId}`,
      kind: 'DELIVERY',
      occurredAt: input.at,
      orderId: input.membershipOrderId,
      customerId: input.customerId,
      tierId: input.tierId,
      termId: input.termId,
      amountFen: 0,
      serviceDays: null,
      goodsFen: null,
      channelTransactionId: null,
    });
  }

  /**
   * The share of a membership fee allocated to its welcome gift pack: by the standalone selling prices of the pack
   * chosen at checkout (or, when the member picks later, the tier's cheapest pack: the least the fee promises) and of
   * the tier's service. 0 when either price is not set.
   */
  async allocationOf(
    manager: EntityManager,
    input: { feeFen: number; tierId: number | null; giftPackId: number | null },
  ): Promise<number> {
    if (!input.tierId) return 0;
    const [tier]: { ssp: number | null; choices: number }[] = await manager.query(
      'SELECT serviceStandaloneFen AS ssp, giftPackChoices AS choices FROM tier WHERE id = ?',
      [input.tierId],
    );
    if (!tier?.ssp) return 0;
    const [pack]: { ssp: number | null }[] = input.giftPackId
      ? await manager.query('SELECT standaloneFen AS ssp FROM gift_pack WHERE id = ?', [input.giftPackId])
      : Number(tier.choices) > 0
        ? await manager.query(
            'SELECT MIN(p.standaloneFen) AS ssp FROM gift_pack p JOIN tier_gift_pack tp ON tp.giftPackId = p.id WHERE tp.tierId = ?',
            [input.tierId],
          )
        : [];
    return allocateFee(
      input.feeFen,
      pack?.ssp === null || pack?.ssp === undefined ? null : Number(pack.ssp),
      Number(tier.ssp),
    ).goodsFen;
  }

  /** A zero-fee term (staff grant, gift): a 0 entry so the ledger lists every term that was handed out. */
  recordGrant(manager: EntityManager, term: LedgerTerm, customerId: number, at: Date): Promise<void> {
    return this.record(manager, {
      sourceKey: `grant:term:${term.id}`,
      kind: 'GRANT',
      occurredAt: at,
      orderId: term.orderId ?? null,
      outTradeNo: null,
      customerId,
      tierId: term.tierId,
      termId: term.id,
      amountFen: 0,
      serviceDays: this.serviceDays(term),
      goodsFen: null,
      channelTransactionId: null,
    });
  }

  /** Shop-calendar days a term serves: from the local day it starts to the local day it ends (exclusive). */
  serviceDays(term: { start: Date; end: Date }): number {
    return Math.max(0, this.calendar.dayOf(term.end) - this.calendar.dayOf(term.start));
  }

  private async outTradeNoOf(manager: EntityManager, orderId: number): Promise<string | null> {
    const rows: { outTradeNo: string }[] = await manager.query('SELECT outTradeNo FROM customer_order WHERE id = ?', [
      orderId,
    ]);
    return rows[0]?.outTradeNo ?? null;
  }

  private async serviceDaysOfTerm(manager: EntityManager, termId: number): Promise<number | null> {
    const rows: { start: string | Date; end: string | Date }[] = await manager.query(
      'SELECT start, `end` FROM membership_term WHERE id = ?',
      [termId],
    );
    return rows[0] ? this.serviceDays({ start: toDate(rows[0].start), end: toDate(rows[0].end) }) : null;
  }
}

/** SQLite hands datetime columns to raw queries as "YYYY-MM-DD HH:mm:ss.SSS" UTC text; MySQL as Date. */
export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
