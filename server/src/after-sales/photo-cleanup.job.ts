import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobLeaseService } from '../jobs/job-lease.service';
import { PhotosService } from './photos.service';

/** Removes after-sales photos no request took within a day, one process per tick (a database lease). */
@Injectable()
export class PhotoCleanupJob {
  private readonly logger = new Logger(PhotoCleanupJob.name);
  private running = false;

  constructor(
    private readonly photos: PhotosService,
    private readonly leases: JobLeaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(60 * 60_000)
  async tick(): Promise<void> {
    if (!this.config.schedulersEnabled || this.running) return;
    this.running = true;
    try {
      await this.leases.runLeased('after-sales-photo-cleanup', { leaseMs: 30 * 60_000 }, () => this.run());
    } catch (error) {
      this.logger.error(`After-sales photo cleanup failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** One pass: batches until no orphan is due. Returns how many photos were removed. */
  async run(): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = await this.photos.removeOrphans();
      removed += batch;
      if (batch === 0) return removed;
    }
  }
}
