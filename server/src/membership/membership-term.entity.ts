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
import { MembershipTermView, TermSnapshot } from '@member-commerce/shared';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../database/columns';
import { Membership } from './membership.entity';
import { Tier } from './tier.entity';

export type { TermSnapshot };

/** One paid (or granted) period [start, end) of a membership, in one tier. */
@Entity('membership_term')
@Index(['membershipId', 'start'])
export class MembershipTerm {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  membershipId: number;

  @ManyToOne(() => Membership, (membership) => membership.terms, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membershipId' })
  membership: Relation<Membership>;

  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @ManyToOne(() => Tier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tierId' })
  tier: Relation<Tier>;

  @Column(timeColumn())
  start: Date;

  @Index()
  @Column(timeColumn())
  end: Date;

  @Column(codeColumn(16))
  source: MembershipTermView['source'];

  /** The order that paid for this term (null for staff grants and seeds). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  orderId: number | null;

  /** Staff grants: who granted the days, and in which role (support's grants are capped per term). */
  @Column({ type: 'integer', nullable: true })
  grantedByStaffId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  grantedByRole: string | null;

  /** Fee paid for this term, for revenue recognition. */
  @Column(moneyColumn({ default: 0 }))
  feeFen: number;

  @Column(jsonColumn())
  snapshot: TermSnapshot;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
