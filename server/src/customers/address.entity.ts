import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { codeColumn } from '../database/columns';
import { Customer } from './customer.entity';

/** A delivery address of a customer; orders snapshot it. */
@Entity('address')
export class Address {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  @Column(codeColumn(32))
  name: string;

  @Column(codeColumn(20))
  phone: string;

  @Column(codeColumn(32))
  province: string;

  @Column(codeColumn(32))
  city: string;

  @Column(codeColumn(32))
  district: string;

  @Column({ type: 'varchar', length: 255 })
  detail: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;
}
