import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, timeColumn } from '../database/columns';

/** A label staff define by first using it (高价值, 需回访 …); names are unique. */
@Entity('customer_tag')
export class CustomerTag {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(20))
  name: string;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
