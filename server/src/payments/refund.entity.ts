import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { RefundStatus } from '@member-commerce/shared';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../database/columns';
import { Order } from '../orders/order.entity';

/** One WeChat Pay refund, staff-initiated. `outRefundNo` is unique; its outcome arrives by notify or query. */
@Entity('refund')
export class Refund {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'orderId' })
  order: Relation<Order>;

  @Index({ unique: true })
  @Column(codeColumn(64))
  outRefundNo: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  refundId: string | null;

  @Column(moneyColumn())
  amountFen: number;

  @Index()
  @Column(codeColumn(16))
  status: RefundStatus;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ type: 'integer', nullable: true })
  requestedByStaffId: number | null;

  /** A membership refund of everything still refundable: when it succeeds, the order's terms end. */
  @Column({ type: 'boolean', default: false })
  endsTerm: boolean;

  @Column(jsonColumn({ nullable: true }))
  raw: Record<string, unknown> | null;

  @Column(timeColumn({ nullable: true }))
  succeededAt: Date | null;

  /** FAILED, ABNORMAL or CLOSED: why, in Chinese, for staff. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  failureReason: string | null;

  /** Waiting for WeChat's minute between two refunds of one order: sent at this time (null once sent). */
  @Column(timeColumn({ nullable: true }))
  queuedUntil: Date | null;

  /** When it was last sent to WeChat (null: queued, or created before this was kept: see createdAt). */
  @Column(timeColumn({ nullable: true }))
  sentAt: Date | null;

  /** An abnormal refund staff paid back outside WeChat Pay. */
  @Column({ type: 'boolean', default: false })
  offline: boolean;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
