import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { codeColumn, timeColumn } from '../database/columns';

/** How many one-time subscribe-message consents a customer has given for a template (one consent = one message). */
@Entity('consent_credit')
@Index(['customerId', 'templateId'], { unique: true })
export class ConsentCredit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  customerId: number;

  @Column(codeColumn(64))
  templateId: string;

  @Column({ type: 'integer', default: 0 })
  credits: number;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
