import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { TierStatus, TermUnit } from '@member-commerce/shared';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';
import { Benefit } from './benefit.entity';
import { GiftPack } from '../catalog/gift-pack.entity';

/** A paid membership card: what a customer buys for a term. */
@Entity('tier')
export class Tier {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(32))
  code: string;

  @Column(codeColumn(64))
  name: string;

  @Column({ type: 'text' })
  description: string = '';

  @Column(moneyColumn())
  priceFen: number;

  @Column(codeColumn(8))
  termUnit: TermUnit;

  @Column({ type: 'integer' })
  termLength: number;

  @Index()
  @Column(codeColumn(16, { default: TierStatus.DRAFT }))
  status: TierStatus;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'varchar', length: 512, nullable: true })
  image: string | null;

  /** Discount for SKUs that have no price on this tier's list, in basis points (1000 = 10 % off). */
  @Column({ type: 'integer', default: 0 })
  defaultDiscountBp: number;

  /** Standalone selling price of the membership service alone (staff-set): allocates the fee against gift packs (IFRS 15). */
  @Column(moneyColumn({ nullable: true }))
  serviceStandaloneFen: number | null;

  /** How many welcome gift packs a buyer picks. */
  @Column({ type: 'integer', default: 1 })
  giftPackChoices: number;

  /** Price of each auto-renewed term (WeChat deduction contract); null: the tier offers no auto-renew. */
  @Column(moneyColumn({ nullable: true }))
  autoRenewPriceFen: number | null = null;
  /** Days of the free trial offered once per customer (0: none). */
  @Column({ type: 'integer', default: 0 })
  trialDays: number;

  @ManyToMany(() => Benefit)
  @JoinTable({ name: 'tier_benefit', joinColumn: { name: 'tierId' }, inverseJoinColumn: { name: 'benefitId' } })
  benefits: Relation<Benefit[]>;

  /** Welcome gift pack options. */
  @ManyToMany(() => GiftPack)
  @JoinTable({ name: 'tier_gift_pack', joinColumn: { name: 'tierId' }, inverseJoinColumn: { name: 'giftPackId' } })
  giftPacks: Relation<GiftPack[]>;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
