import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReconciliationMismatchKind } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../../database/columns';

/** A mismatch finance looked into and closed with a note: once per (day, kind, reference). */
@Entity('reconciliation_resolution')
@Index('IDX_reconciliation_resolution_key', ['date', 'kind', 'reference'], { unique: true })
export class ReconciliationResolution {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(10))
  date: string;

  @Column(codeColumn(16))
  kind: ReconciliationMismatchKind;

  /** The mismatch's outRefundNo, else its outTradeNo. */
  @Column(codeColumn(64))
  reference: string;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ type: 'integer' })
  resolvedByStaffId: number;

  @Column(codeColumn(64))
  resolvedBy: string;

  @Column(timeColumn())
  resolvedAt: Date;
}
