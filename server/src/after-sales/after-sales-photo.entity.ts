import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { codeColumn, timeColumn } from '../database/columns';
import { Order } from '../orders/order.entity';

/**
 * A photo a customer uploaded for an after-sales request on one of their orders: counted against the order's
 * quota, and removed with its file when no request took it within a day (`keptAt` marks one a request holds).
 */
@Entity('after_sales_photo')
@Index(['keptAt', 'uploadedAt'])
export class AfterSalesPhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(64))
  name: string;

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'orderId' })
  order: Relation<Order>;

  @Column({ type: 'integer' })
  customerId: number;

  @Column(timeColumn())
  uploadedAt: Date;

  @Column(timeColumn({ nullable: true }))
  keptAt: Date | null;
}
