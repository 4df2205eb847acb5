import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { WechatLogisticsType, WechatShippingStatus } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';
import { Order } from '../orders/order.entity';

/**
 * The shipping information WeChat holds for one paid order's payment (小程序发货信息管理服务): virtual for a
 * membership fee, express once goods (the order's own, or a membership's welcome gift) are handed to a courier.
 * WeChat accepts a first upload and one modification; `acceptedUploads` counts what it accepted.
 */
@Entity('wechat_shipping')
@Index(['status', 'nextAttemptAt'])
export class WechatShipping {
  @PrimaryGeneratedColumn()
  id: number;

  /** The paid order whose WeChat payment this describes. */
  @Index({ unique: true })
  @Column({ type: 'integer' })
  orderId: number;

  @OneToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'orderId' })
  order: Relation<Order>;

  /** The order whose parcel is described (the order itself, or its welcome gift order); null: virtual delivery. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  shippedOrderId: number | null;

  @Column({ type: 'integer' })
  logisticsType: WechatLogisticsType;

  @Column(codeColumn(16))
  status: WechatShippingStatus;

  /** What WeChat last accepted: its courier id and the tracking number. */
  @Column(codeColumn(16, { nullable: true }))
  expressCompany: string | null;

  @Column(codeColumn(40, { nullable: true }))
  trackingNo: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', nullable: true })
  errcode: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  errmsg: string | null;

  @Column({ type: 'integer', default: 0 })
  acceptedUploads: number;

  /** Bumped whenever what must be uploaded changes, so an answer to an older upload does not mark the new one done. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  /** When the job tries next; null: only staff retry. */
  @Column(timeColumn({ nullable: true }))
  nextAttemptAt: Date | null;

  /** One process uploads a row at a time (the job, or a staff retry). */
  @Column(timeColumn({ nullable: true }))
  claimedUntil: Date | null;

  @Column(timeColumn({ nullable: true }))
  uploadedAt: Date | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
