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
import { timeColumn } from '../database/columns';
import { Tier } from '../membership/tier.entity';

/** A batch of membership codes staff made for one tier and channel; voiding it voids its unredeemed codes. */
@Entity('membership_code_batch')
export class MembershipCodeBatch {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @ManyToOne(() => Tier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tierId' })
  tier: Relation<Tier>;

  @Column({ type: 'integer' })
  count: number;

  @Column(timeColumn())
  validUntil: Date;

  /** Channel or purpose, free text. */
  @Column({ type: 'varchar', length: 200, default: '' })
  note: string;

  @Column({ type: 'integer', nullable: true })
  createdByStaffId: number | null;

  @Column(timeColumn({ nullable: true }))
  voidedAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  voidReason: string | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
