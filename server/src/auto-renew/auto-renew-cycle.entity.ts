import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { AutoRenewCycleStatus } from '@member-commerce/shared';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';
import { AutoRenewContract } from './auto-renew-contract.entity';

/**
 * One renewal cycle of a contract: the term ending at `termEnd` is renewed at most once. The row is claimed by
 * inserting it (unique per contract and term end), and every later step moves it with a conditional update, so
 * two processes running the pass notify and charge once.
 */
@Entity('auto_renew_cycle')
@Index(['contractId', 'termEnd'], { unique: true })
export class AutoRenewCycle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  contractId: number;

  @ManyToOne(() => AutoRenewContract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contractId' })
  contract: Relation<AutoRenewContract>;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  /** End of the paid term this cycle renews. */
  @Column(timeColumn())
  termEnd: Date;

  @Index()
  @Column(codeColumn(16))
  status: AutoRenewCycleStatus;

  /** The notified amount: a charge is never above it. */
  @Column(moneyColumn())
  amountFen: number;

  @Column(timeColumn({ nullable: true }))
  notifiedAt: Date | null;

  /** Planned charge time, as the notice said. */
  @Column(timeColumn({ nullable: true }))
  chargeAt: Date | null;

  @Column(timeColumn({ nullable: true }))
  nextAttemptAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column(codeColumn(128, { nullable: true }))
  lastError: string | null;

  /** The MEMBERSHIP order of the latest charge attempt. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  orderId: number | null;

  @Column(timeColumn({ nullable: true }))
  graceUntil: Date | null;

  @Column(codeColumn(36))
  claimToken: string;

  @Column(timeColumn())
  claimedAt: Date;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
