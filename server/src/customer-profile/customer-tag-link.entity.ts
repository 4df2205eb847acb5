import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Customer } from '../customers/customer.entity';
import { timeColumn } from '../database/columns';
import { CustomerTag } from './customer-tag.entity';

/** A tag on a customer; the pair is the key, so a tag is on a customer at most once. */
@Entity('customer_tag_link')
export class CustomerTagLink {
  @PrimaryColumn({ type: 'integer' })
  customerId: number;

  @Index()
  @PrimaryColumn({ type: 'integer' })
  tagId: number;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  @ManyToOne(() => CustomerTag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tagId' })
  tag: Relation<CustomerTag>;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
