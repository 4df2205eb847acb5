import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timeColumn } from '../database/columns';

/**
 * A free trial taken: at most one per customer (openid) and per phone number when known, enforced by unique
 * indexes so two concurrent requests cannot both start one.
 */
@Entity('trial_use')
export class TrialUse {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  customerId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @Column({ type: 'integer', nullable: true })
  termId: number | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
