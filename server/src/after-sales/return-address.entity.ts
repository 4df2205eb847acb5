import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { timeColumn } from '../database/columns';

/** The shop's one return address (row id 1): where customers send goods back after a return is approved. */
@Entity('return_address')
export class ReturnAddress {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
