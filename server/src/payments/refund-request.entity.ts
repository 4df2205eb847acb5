import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RefundRequestStatus } from '@member-commerce/shared';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';

/** A refund above the requester's limit, waiting for finance or admin to approve or reject it. */
@Entity('refund_request')
@Index(['status', 'createdAt'])
export class RefundRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @Column(moneyColumn())
  amountFen: number;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column(codeColumn(16))
  status: RefundRequestStatus;

  @Column({ type: 'integer' })
  requestedByStaffId: number;

  @Column(codeColumn(64))
  requestedBy: string;

  @Column({ type: 'integer', nullable: true })
  decidedByStaffId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  decisionNote: string | null;

  @Column(timeColumn({ nullable: true }))
  decidedAt: Date | null;

  /** The refund made when it was approved. */
  @Column({ type: 'integer', nullable: true })
  refundId: number | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
