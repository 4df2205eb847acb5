import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { PhotosService } from './photos.service';

/** Removes after-sales photos no request took within a day, one process per tick (a database lease). */
@Injectable()
export class PhotoCleanupJob {
  constructor(
    private readonly photos: PhotosService,
    private readonly passes: ScheduledPasses,
  ) {}

  @Interval(60 * 60_000)
  async tick(): Promise<void> {
    await this.passes.tick('after-sales-photo-cleanup', { leaseMs: 30 * 60_000 }, () => this.run());
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
