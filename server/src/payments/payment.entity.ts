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
import { FlaggedPaymentResolution, PaymentStatus } from '@member-commerce/shared';
import { codeColumn, jsonColumn, moneyColumn, timeColumn } from '../database/columns';
import { Order } from '../orders/order.entity';

/**
 * One WeChat Pay transaction of an order. `transactionId` is unique in the database, so a notification
 * replayed any number of times, concurrently or not, pays an order once.
 */
@Entity('payment')
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  orderId: number;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'orderId' })
  order: Relation<Order>;

  @Index({ unique: true })
  @Column(codeColumn(32))
  outTradeNo: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  transactionId: string | null;

  @Column(moneyColumn())
  amountFen: number;

  /** What WeChat says was paid, when it differs from the order (flagged). */
  @Column(moneyColumn({ nullable: true }))
  paidFen: number | null;

  @Index()
  @Column(codeColumn(16))
  status: PaymentStatus;

  @Column({ type: 'varchar', length: 255, nullable: true })
  flagReason: string | null;

  /** A flagged payment's end: REFUNDED (its money went back) or RESOLVED (staff, with a note). */
  @Column(codeColumn(16, { nullable: true }))
  resolution: FlaggedPaymentResolution | null;

  @Column(timeColumn({ nullable: true }))
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  resolutionNote: string | null;

  /** The decrypted notification or query result, exactly as WeChat sent it. */
  @Column(jsonColumn({ nullable: true }))
  raw: Record<string, unknown> | null;

  @Column(timeColumn({ nullable: true }))
  succeededAt: Date | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
