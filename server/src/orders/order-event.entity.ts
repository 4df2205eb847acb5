import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrderStatus } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/** The history of an order's status, one row per transition. */
@Entity('order_event')
export class OrderEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: OrderStatus | null;

  @Column(codeColumn(20))
  toStatus: OrderStatus;

  @Column({ type: 'varchar', length: 255, default: '' })
  note: string;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
