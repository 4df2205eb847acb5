import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CallOutcome } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/** A staff phone call to a member whose term is ending, with its outcome (feeds the conversion stats). */
@Entity('call_record')
@Index(['customerId', 'calledAt'])
export class CallRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  customerId: number;

  @Index()
  @Column({ type: 'integer' })
  membershipId: number;

  /** The membership's end when the call was made. */
  @Column(timeColumn())
  termEnd: Date;

  @Index()
  @Column(codeColumn(16))
  outcome: CallOutcome;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'integer', nullable: true })
  staffId: number | null;

  @Column(codeColumn(64))
  staffUsername: string;

  @Column(timeColumn())
  calledAt: Date;

  @Column(timeColumn({ nullable: true }))
  convertedAt: Date | null;
}
