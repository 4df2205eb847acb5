import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';

/** The better-sqlite3 constructor TypeORM's driver has loaded (the part used here). */
type SqliteConstructor = new (
  path: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => {
  prepare(sql: string): { iterate(...params: unknown[]): IterableIterator<unknown> };
  close(): void;
};

/** The part of a mysql2 connection used here. */
interface MysqlConnection {
  query(sql: string, values: unknown[]): { stream(options: { highWaterMark: number }): Readable };
}

const BATCH = 512;

/**
 * Raw rows of one SELECT in batches, read through a database cursor so memory stays flat however many rows come back
 * (no entity hydration). MySQL/MariaDB: mysql2's row stream on a connection of its own. SQLite: a second,
 * read-only connection (WAL lets it read while the app writes) iterating the statement.
 */
export async function* streamRows<T>(dataSource: DataSource, sql: string, params: unknown[]): AsyncGenerator<T[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    const Database = (dataSource.driver as unknown as { sqlite: SqliteConstructor }).sqlite;
    const db = new Database(String(dataSource.options.database), { readonly: true, fileMustExist: true });
    try {
      let batch: T[] = [];
      for (const row of db.prepare(sql).iterate(...params)) {
        batch.push(row as T);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    } finally {
      db.close();
    }
    return;
  }
  const runner = dataSource.createQueryRunner();
  let complete = false;
  try {
    // mysql2's own stream, not TypeORM's: its default 16-row buffer pauses and resumes the socket every 16 rows.
    const connection = (await runner.connect()) as MysqlConnection;
    const stream = connection.query(sql, params).stream({ highWaterMark: 4 * BATCH });
    // Whatever rows the stream has buffered, taken at once: no promise per row.
    for (;;) {
      const batch: T[] = [];
      let row: T | null;
      while (batch.length < BATCH && (row = stream.read() as T | null) !== null) batch.push(row);
      if (batch.length) {
        yield batch;
        continue;
      }
      if (stream.readableEnded) break;
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          stream.off('readable', ready);
          stream.off('end', ended);
          stream.off('error', done);
          if (error) reject(error);
          else resolve();
        };
        const ready = () => done();
        const ended = () => done();
        stream.on('readable', ready);
        stream.on('end', ended);
        stream.on('error', done);
      });
    }
    complete = true;
  } finally {
    // Stopped half-way (the client went away): the connection is still receiving rows, so it leaves the pool.
    if (!complete) (runner as unknown as { databaseConnection?: { destroy(): void } }).databaseConnection?.destroy();
    await runner.release().catch(() => undefined);
  }
}
