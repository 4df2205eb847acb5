import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction. SQLite has a single connection, so transactions there are queued
 * one after another instead of nesting; MySQL gets a pooled connection each.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  /** Pooled MySQL connections already switched to READ COMMITTED for the rest of their session. */
  private readonly readCommitted = new WeakSet<object>();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  /**
   * `work` may run more than once (deadlock retry on MySQL): keep it free of side effects outside the database.
   * On MySQL every transaction reads committed data: under REPEATABLE READ the first plain read fixes a snapshot,
   * and a transaction that later waits for a row lock (two payments of one customer, a payment and a staff
   * grant) would go on computing terms from rows the other one has already replaced.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.withDeadlockRetry(() => this.readCommittedTransaction(work));
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * One statement that needs no transaction around it (an atomic single-row write): on MySQL it runs on its own,
   * without the four round trips of a transaction; on SQLite it still queues behind the open transactions.
   */
  single<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.isSqlite ? this.run(work) : this.withDeadlockRetry(() => work(this.dataSource.manager));
  }

  /**
   * The isolation level is set once per pooled connection, for its session, instead of before every transaction:
   * one round trip fewer per transaction. Every transaction on MySQL reads committed (see run), and a single
   * statement outside a transaction behaves the same at either level.
   */
  private async readCommittedTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection: object = await runner.connect();
      if (!this.readCommitted.has(connection)) {
        await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        this.readCommitted.add(connection);
      }
      return await runner.manager.transaction(work);
    } finally {
      await runner.release();
    }
  }

  /** InnoDB picks a victim when two transactions wait on each other; the victim simply runs again. */
  private async withDeadlockRetry<T>(attempt: () => Promise<T>, retries = 4): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        if (i >= retries || !isDeadlock(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (i + 1)));
      }
    }
  }

  /** `SELECT … FOR UPDATE` where the database has it; SQLite's queued transactions are already exclusive. */
  get lockMode(): { mode: 'pessimistic_write' } | undefined {
    return this.isSqlite ? undefined : { mode: 'pessimistic_write' };
  }
}

function isDeadlock(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
    (error as { code?: string }).code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
