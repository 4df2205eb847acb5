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
import type { AfterSalesStatus, AfterSalesType, ReturnAddressView } from '@member-commerce/shared';
import { Customer } from '../customers/customer.entity';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../database/columns';
import { Order } from '../orders/order.entity';

/**
 * A customer's refund or return request on a product order, handled by staff in a queue. `openOrderId` holds
 * the order id while the request is open and null afterwards: its unique index lets the database keep one open
 * request per order, even when two arrive at once.
 */
@Entity('after_sales_request')
@Index(['status', 'createdAt'])
export class AfterSalesRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'orderId' })
  order: Relation<Order>;

  @Index({ unique: true })
  @Column({ type: 'integer', nullable: true })
  openOrderId: number | null;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  @Column(codeColumn(16))
  type: AfterSalesType;

  @Column(codeColumn(20))
  status: AfterSalesStatus;

  @Column({ type: 'varchar', length: 40 })
  reason: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  /** Names in the photo store. */
  @Column(jsonColumn())
  photos: string[];

  @Column(moneyColumn())
  amountFen: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionNote: string | null;

  @Column({ type: 'integer', nullable: true })
  decidedByStaffId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column(timeColumn({ nullable: true }))
  decidedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  refundId: number | null;

  @Column({ type: 'integer', nullable: true })
  refundRequestId: number | null;

  /** RETURN_REFUND: when staff agreed to take the goods back, and the shop's return address at that moment. */
  @Column(timeColumn({ nullable: true }))
  approvedAt: Date | null;

  @Column(jsonColumn({ nullable: true }))
  returnAddress: ReturnAddressView | null;

  /** The parcel the customer sent back (a carrier code of CARRIERS). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  returnCarrier: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  returnTrackingNo: string | null;

  @Column(timeColumn({ nullable: true }))
  returnShippedAt: Date | null;

  /** When staff confirmed the returned goods arrived (the refund starts then). */
  @Column(timeColumn({ nullable: true }))
  receivedAt: Date | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
