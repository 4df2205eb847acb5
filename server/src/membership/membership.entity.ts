import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { MembershipStatus } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';
import { Customer } from '../customers/customer.entity';
import { Tier } from './tier.entity';
import { MembershipTerm } from './membership-term.entity';

/**
 * A customer's membership: one row per customer, many terms. `status` and `termEnd` are kept in step with the
 * terms for search; whether a term covers *now* is always decided from the terms (term-rules.ts `termAt`, term-standing.ts).
 */
@Entity('membership')
export class Membership {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  /** Tier of the latest purchased term, for display when no term covers now. */
  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @ManyToOne(() => Tier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tierId' })
  tier: Relation<Tier>;

  @Index()
  @Column(codeColumn(16))
  status: Exclude<MembershipStatus, 'NONE'>;

  /** End of the last term. */
  @Index()
  @Column(timeColumn({ nullable: true }))
  termEnd: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  revokedReason: string | null;

  @Column(timeColumn({ nullable: true }))
  revokedAt: Date | null;

  @OneToMany(() => MembershipTerm, (term) => term.membership)
  terms: Relation<MembershipTerm[]>;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
