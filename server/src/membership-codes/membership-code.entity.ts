import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { MembershipCodeStatus } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';
import { Tier } from '../membership/tier.entity';
import { MembershipCodeBatch } from './membership-code-batch.entity';

/**
 * One membership code (兑换码): a term of `tierId` for whoever redeems it first, until `validUntil`. It comes
 * from a staff batch or from a gift order (a membership bought for a friend). Redeeming moves ACTIVE →
 * REDEEMED with a conditional update, so a code is used once however many redeem it at the same time.
 */
@Entity('membership_code')
@Index(['batchId', 'status'])
export class MembershipCode {
  @PrimaryGeneratedColumn()
  id: number;

  /** 16 characters of CODE_ALPHABET, without separators. */
  @Index({ unique: true })
  @Column(codeColumn(16))
  code: string;

  @Column({ type: 'integer', nullable: true })
  batchId: number | null;

  @ManyToOne(() => MembershipCodeBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batchId' })
  batch: Relation<MembershipCodeBatch> | null;

  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @ManyToOne(() => Tier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tierId' })
  tier: Relation<Tier>;

  @Column(timeColumn())
  validUntil: Date;

  @Column(codeColumn(16))
  status: MembershipCodeStatus;

  /** The paid order that bought this code as a gift (null for staff batches). */
  @Index({ unique: true })
  @Column({ type: 'integer', nullable: true })
  giftOrderId: number | null;

  @Index()
  @Column({ type: 'integer', nullable: true })
  redeemedByCustomerId: number | null;

  @Column(timeColumn({ nullable: true }))
  redeemedAt: Date | null;

  /** The term the redemption created. */
  @Column({ type: 'integer', nullable: true })
  termId: number | null;

  @Column(timeColumn({ nullable: true }))
  voidedAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  voidReason: string | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
