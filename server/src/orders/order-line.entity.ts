import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { codeColumn, moneyColumn } from '../database/columns';
import { Order } from './order.entity';

/** One line of an order, with a snapshot of what was sold and at which prices. */
@Entity('order_line')
export class OrderLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  orderId: number;

  @ManyToOne(() => Order, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'orderId' })
  order: Relation<Order>;

  @Index()
  @Column({ type: 'integer', nullable: true })
  skuId: number | null;

  @Column({ type: 'integer', nullable: true })
  giftPackId: number | null;

  @Column(codeColumn(200))
  name: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  image: string | null;

  @Column({ type: 'integer' })
  quantity: number;

  @Column(moneyColumn())
  unitListPriceFen: number;

  @Column(moneyColumn())
  unitPriceFen: number;

  @Column(moneyColumn())
  lineTotalFen: number;
}
