import { Global, Module } from '@nestjs/common';
import { JobLeaseService } from './job-lease.service';

/** Scheduled-job plumbing shared by features: the database lease that makes each job run once across processes. */
@Global()
@Module({ providers: [JobLeaseService], exports: [JobLeaseService] })
export class JobsModule {}
