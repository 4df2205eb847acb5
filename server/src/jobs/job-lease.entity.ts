import { Column, Entity, PrimaryColumn } from 'typeorm';
import { codeColumn, timeColumn } from '../database/columns';

/**
 * Who runs a scheduled job right now, and until when. With N API processes each one's timer fires; the one
 * that moves `leasedUntil` forward runs the job, the others skip that tick.
 */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** `<host>:<pid>:<random>` of the process holding the lease. */
  @Column(codeColumn(128))
  owner: string;

  @Column(timeColumn())
  leasedUntil: Date;
}
