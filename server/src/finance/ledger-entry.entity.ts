import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';

export type LedgerEntryKind = 'PAYMENT' | 'REFUND';

/**
 * The revenue ledger: every membership payment (+) and refund (−). `sourceKey` ("payment:12", "refund:3")
 * is unique, so an entry is written once however often its event is processed.
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

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @Column({ type: 'integer' })
  customerId: number;

  @Column({ type: 'integer', nullable: true })
  tierId: number | null;

  @Column({ type: 'integer', nullable: true })
  termId: number | null;

  @Column(moneyColumn())
  amountFen: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  channelTransactionId: string | null;
}
