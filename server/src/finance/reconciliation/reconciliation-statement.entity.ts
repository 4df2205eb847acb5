import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../../database/columns';
import type { Mismatch } from './reconcile';

/** A day's reconciliation as the daily job stored it (once per shop-calendar day; resolutions live beside it). */
@Entity('reconciliation_statement')
export class ReconciliationStatementRecord {
  @PrimaryGeneratedColumn()
  id: number;

  /** YYYY-MM-DD, shop calendar. */
  @Index('IDX_reconciliation_statement_date', { unique: true })
  @Column(codeColumn(10))
  date: string;

  @Column(moneyColumn())
  wechatFen: number;

  @Column(moneyColumn())
  oursFen: number;

  @Column({ type: 'integer' })
  matched: number;

  @Column(jsonColumn())
  mismatches: Mismatch[];

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
