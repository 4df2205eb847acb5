import { Global, Module } from '@nestjs/common';
import { JobLeaseService } from './job-lease.service';
import { ScheduledPasses } from './scheduled-passes';

/**
 * Scheduled-job plumbing shared by features: the tick every job shares, and the database lease that makes a job run
 * once across processes.
 */
@Global()
@Module({ providers: [JobLeaseService, ScheduledPasses], exports: [JobLeaseService, ScheduledPasses] })
export class JobsModule {}
