import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction. SQLite has a single connection, so transactions there are queued
 * one after another instead of nesting; MySQL gets a pooled connection each.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  /** `SELECT … FOR UPDATE` where the database has it; SQLite's queued transactions are already exclusive. */
  get lockMode(): { mode: 'pessimistic_write' } | undefined {
    return this.isSqlite ? undefined : { mode: 'pessimistic_write' };
  }
}
