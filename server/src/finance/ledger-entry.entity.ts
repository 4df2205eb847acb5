import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerKind } from '@member-commerce/shared';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';

export type LedgerEntryKind = LedgerKind;

/**
 * The revenue ledger, append-only: every membership payment (+), refund (−) and zero-fee term (GRANT, 0). `sourceKey`
 * ("payment:12", "refund:3", "grant:term:7") is unique, so an entry is written once however often its event is
 * processed. It carries what exports and recognition read (`outTradeNo`, `serviceDays`), so neither joins.
 */
@Entity('ledger_entry')
@Index(['occurredAt'])
@Index(['tierId', 'occurredAt'])
export class LedgerEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(40))
  sourceKey: string;

  @Column(codeColumn(16))
  kind: LedgerEntryKind;

  @Column(timeColumn())
  occurredAt: Date;

  /** The membership order (null for staff grants). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  orderId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outTradeNo?: string | null;

  @Index('IDX_ledger_entry_customerId')
  @Column({ type: 'integer' })
  customerId: number;

  @Column({ type: 'integer', nullable: true })
  tierId: number | null;

  @Column({ type: 'integer', nullable: true })
  termId: number | null;

  @Column(moneyColumn())
  amountFen: number;

  /** PAYMENT: the shop-calendar days the fee was spread over when paid (recognition keeps that rate). */
  @Column({ type: 'integer', nullable: true })
  serviceDays?: number | null;

  /** PAYMENT: the share of the fee allocated to its welcome gift pack, recognised when the pack ships (docs/finance.md). */
  @Column(moneyColumn({ nullable: true }))
  goodsFen?: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  channelTransactionId: string | null;
}
