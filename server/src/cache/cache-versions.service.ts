import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CacheArea, CacheVersions } from './cache-areas';
import { CacheVersion } from './cache-version.entity';

/**
 * Cross-process cache invalidation through the database: writers bump an area's version inside their own
 * transaction, readers compare versions before trusting what they hold. A reader always gets versions read
 * after it asked (so a write committed before a request is seen by that request), but concurrent readers
 * share one query: at most one runs and one waits queued, however many requests arrive.
 */
@Injectable()
export class CacheVersionsService {
  private running?: Promise<CacheVersions>;
  private queued?: Promise<CacheVersions>;

  constructor(private readonly dataSource: DataSource) {}

  /** Bumps `area` in the caller's transaction: other processes reload once it commits. */
  async bump(manager: EntityManager, area: CacheArea): Promise<void> {
    await manager.increment(CacheVersion, { area }, 'version', 1);
  }

  /** Current versions of every area, read after this call began. */
  current(): Promise<CacheVersions> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running.catch(() => undefined).then(() => this.start());
    this.queued = queued;
    return queued;
  }

  private start(): Promise<CacheVersions> {
    this.queued = undefined;
    const running = this.read().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async read(): Promise<CacheVersions> {
    const rows: { area: string; version: number | string }[] = await this.dataSource.query(
      'SELECT area, version FROM cache_version',
    );
    const versions: Record<string, number> = { [CacheArea.CATALOG]: 0, [CacheArea.TIERS]: 0 };
    for (const row of rows) versions[row.area] = Number(row.version);
    return versions as CacheVersions;
  }
}
