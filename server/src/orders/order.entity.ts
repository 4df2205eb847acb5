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
import { AddressSnapshot, OrderKind, OrderStatus, TierTermsSnapshot } from '@member-commerce/shared';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../database/columns';
import { Customer } from '../customers/customer.entity';
import type { CarrierCode } from '@member-commerce/shared';
import { OrderLine } from './order-line.entity';

export type { AddressSnapshot };

/**
 * A customer's order: a membership fee, products, or a zero-price gift pack fulfilment. Prices are computed
 * by the server and frozen here with the tier that priced them. Only OrderStateMachine writes `status`.
 */
@Entity('customer_order')
@Index(['customerId', 'createdAt'])
@Index(['status', 'expiresAt'])
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(32))
  outTradeNo: string;

  @Column({ type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  @Column(codeColumn(16))
  kind: OrderKind;

  @Column(codeColumn(20))
  status: OrderStatus;

  @Column(moneyColumn())
  totalFen: number;

  @Column(moneyColumn())
  listTotalFen: number;

  /** The goods at the prices charged, before shipping and coupon (shared `orderMoney`). */
  @Column(moneyColumn({ default: 0 }))
  goodsFen: number;

  /** What member prices took off the list price at order time; 0 unless a member-priced PRODUCT order. */
  @Column(moneyColumn({ default: 0 }))
  memberSavingsFen: number;

  @Column(moneyColumn({ default: 0 }))
  refundedFen: number;

  /** Part of the total: the shipping fee charged (0 when free). */
  @Column(moneyColumn({ default: 0 }))
  shippingFen: number;

  /** Taken off the total by the coupon (0 when none). */
  @Column(moneyColumn({ default: 0 }))
  couponDiscountFen: number;

  @Column({ type: 'integer', nullable: true })
  couponId: number | null;

  /** The tier whose member prices were applied (null: list prices), decided when the price was computed. */
  @Column({ type: 'integer', nullable: true })
  pricedAsTierId: number | null;

  /** The membership term that priced it (product orders) or that it belongs to (gift orders). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  termId: number | null;

  /** Membership orders: the tier bought. */
  @Column({ type: 'integer', nullable: true })
  tierId: number | null;

  /** Membership orders: the welcome pack chosen; gift orders: the pack fulfilled. */
  @Column({ type: 'integer', nullable: true })
  giftPackId: number | null;

  /** Gift orders: the membership order or milestone they come from. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  parentOrderId: number | null;

  @Column({ type: 'integer', nullable: true })
  milestoneId: number | null;

  @Column(jsonColumn({ nullable: true }))
  address: AddressSnapshot | null;

  /** Membership orders: the tier's terms as sold at checkout; later tier edits do not change them. */
  @Column(jsonColumn({ nullable: true }))
  tierTerms: TierTermsSnapshot | null;

  /** Membership orders: the version of the member agreement the buyer accepted. */
  @Column({ type: 'integer', nullable: true })
  agreementVersion: number | null;

  /** Goods handed to the courier: which company, and its tracking number. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  carrier: CarrierCode | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  trackingNo: string | null;

  @Column(timeColumn({ nullable: true }))
  shippedAt: Date | null;

  @Column(timeColumn({ nullable: true }))
  expiresAt: Date | null;

  @Column(timeColumn({ nullable: true }))
  paidAt: Date | null;

  @Column(timeColumn({ nullable: true }))
  closedAt: Date | null;

  @OneToMany(() => OrderLine, (line) => line.order, { cascade: ['insert'] })
  lines: Relation<OrderLine[]>;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
