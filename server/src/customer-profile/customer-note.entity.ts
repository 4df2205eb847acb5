import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Customer } from '../customers/customer.entity';
import { codeColumn, timeColumn } from '../database/columns';

/** A staff note on a customer. Append-only: never edited or deleted; the author is kept by name. */
@Entity('customer_note')
export class CustomerNote {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer', nullable: true })
  staffId: number | null;

  @Column(codeColumn(64))
  staffUsername: string;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
