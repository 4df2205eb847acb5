import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, LessThan } from 'typeorm';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { JobLease } from './job-lease.entity';

export interface LeaseOptions {
  /**
   * How long the claim holds. Use a little less than the job's interval: the holder's next tick finds it
   * expired and runs again, while every other process's tick in between finds it held and skips.
   */
  leaseMs: number;
}

export type LeasedRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Scheduled jobs claim each run through the database, so N API processes run every job once per tick:
 * `UPDATE job_lease SET owner = ?, leasedUntil = ? WHERE name = ? AND leasedUntil < now`. Only one process's
 * update can match. The work itself must stay idempotent per item (a lease can lapse mid-run on a long pass,
 * or a process can die holding it), exactly as for a rerun after a crash.
 */
@Injectable()
export class JobLeaseService {
  /** This process, as lease owner. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Runs `work` when this process wins the lease for `job`; otherwise does nothing. Errors in `work` propagate. */
  async runLeased<T>(job: string, options: LeaseOptions, work: () => Promise<T>): Promise<LeasedRun<T>> {
    if (!(await this.claim(job, options.leaseMs))) return { ran: false };
    return { ran: true, result: await work() };
  }

  /** Claims `job` for `leaseMs` from now; false while another claim (this process's included) still holds. */
  async claim(job: string, leaseMs: number): Promise<boolean> {
    const now = this.clock.now();
    const leasedUntil = new Date(now.getTime() + leaseMs);
    const updated = await this.transactions.run((manager) =>
      manager.update(JobLease, { name: job, leasedUntil: LessThan(now) }, { owner: this.owner, leasedUntil }),
    );
    if ((updated.affected ?? 0) > 0) return true;
    try {
      // The first run of a job anywhere: its row does not exist yet. Two processes racing here: one insert wins.
      await this.transactions.run((manager) => manager.insert(JobLease, { name: job, owner: this.owner, leasedUntil }));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Gives the lease up early, e.g. when a one-off job finished and may run again at once. */
  async release(job: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(JobLease, { name: job, owner: this.owner }, { leasedUntil: new Date(0) }),
    );
  }

  /** Who holds `job` and until when (operations and tests). */
  current(job: string): Promise<JobLease | null> {
    return this.dataSource.manager.findOneBy(JobLease, { name: job });
  }
}
