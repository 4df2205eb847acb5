import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { Transactions } from '../../database/transactions';

interface BucketRow {
  hits: number | string;
  windowEndsAt: number | string;
}

const SQLITE_UPSERT = `INSERT INTO rate_limit_bucket (bucketKey, hits, windowEndsAt) VALUES (?, 1, ?)
  ON CONFLICT(bucketKey) DO UPDATE SET
    hits = CASE WHEN windowEndsAt <= ? THEN 1 ELSE hits + 1 END,
    windowEndsAt = CASE WHEN windowEndsAt <= ? THEN excluded.windowEndsAt ELSE windowEndsAt END
  RETURNING hits, windowEndsAt`;

// MariaDB applies the assignments left to right (`windowEndsAt` is still the old value when `hits` is set), and its
// RETURNING answers with the row as the update left it.
const MARIADB_UPSERT = `INSERT INTO rate_limit_bucket (bucketKey, hits, windowEndsAt) VALUES (?, 1, ?)
  ON DUPLICATE KEY UPDATE hits = IF(windowEndsAt <= ?, 1, hits + 1), windowEndsAt = IF(windowEndsAt <= ?, VALUES(windowEndsAt), windowEndsAt)
  RETURNING hits, windowEndsAt`;

/**
 * Fixed-window counters in the `rate_limit_bucket` table, so every API process counts the same hits. One
 * atomic upsert per request: a new or expired window restarts at 1, a live one adds 1.
 */
export class DatabaseRateLimitStore implements ThrottlerStorage {
  constructor(
    private readonly transactions: Transactions,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string, ttlMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    // One atomic upsert that answers with the row it left, so each caller sees its own count exactly.
    const rows: BucketRow[] = await this.transactions.single((manager) =>
      manager.query(this.transactions.isSqlite ? SQLITE_UPSERT : MARIADB_UPSERT, [key, now + ttlMs, now, now]),
    );
    const row = rows[0];
    if (Math.random() < 0.01) void this.prune(now).catch(() => undefined);
    const totalHits = Number(row.hits);
    const secondsLeft = Math.max(1, Math.ceil((Number(row.windowEndsAt) - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }

  /** The hits of a live window without adding one (0 when none): for limits that count only some outcomes. */
  async peek(key: string): Promise<{ hits: number; secondsLeft: number }> {
    const now = this.now();
    const rows: BucketRow[] = await this.transactions.single((manager) =>
      manager.query('SELECT hits, windowEndsAt FROM rate_limit_bucket WHERE bucketKey = ? AND windowEndsAt > ?', [
        key,
        now,
      ]),
    );
    if (rows.length === 0) return { hits: 0, secondsLeft: 0 };
    return {
      hits: Number(rows[0].hits),
      secondsLeft: Math.max(1, Math.ceil((Number(rows[0].windowEndsAt) - now) / 1000)),
    };
  }

  /** Expired windows carry no information; drop them now and then so the table stays small. */
  private prune(now: number): Promise<unknown> {
    return this.transactions.single((manager) =>
      manager.query('DELETE FROM rate_limit_bucket WHERE windowEndsAt < ?', [now]),
    );
  }
}
