import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { MembershipTermView } from '@member-commerce/shared';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../database/columns';
import { Membership } from './membership.entity';
import { Tier } from './tier.entity';

/** What the term holds, copied from the tier when it was bought: later tier edits never change it. */
export interface TermSnapshot {
  tierName: string;
  priceFen: number;
  defaultDiscountBp: number;
  benefitIds: number[];
}

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

  /** Fee paid for this term, for revenue recognition. */
  @Column(moneyColumn({ default: 0 }))
  feeFen: number;

  @Column(jsonColumn())
  snapshot: TermSnapshot;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
