import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GiftClaimSource } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/**
 * A gift granted to a member's term: the welcome pack, or a milestone reward. `claimKey` is unique
 * ("W:<termId>", "M:<termId>:<milestoneId>") so each is claimed once per term, even under races.
 */
@Entity('gift_claim')
export class GiftClaim {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(48))
  claimKey: string;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  @Index()
  @Column({ type: 'integer' })
  termId: number;

  @Column(codeColumn(16))
  source: GiftClaimSource;

  @Column({ type: 'integer', nullable: true })
  milestoneId: number | null;

  @Column({ type: 'integer' })
  giftPackId: number;

  /** The GIFT order that fulfils it. */
  @Column({ type: 'integer' })
  orderId: number;

  /** Declared value at claim time, for the membership refund rule. */
  @Column({ type: 'integer' })
  valueFen: number;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
