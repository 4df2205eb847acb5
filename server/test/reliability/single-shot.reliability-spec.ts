import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SystemClock } from '../../src/common/clock';
import { withDatabaseLock } from '../../src/database/database-lock';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { Transactions } from '../../src/database/transactions';
import { JobLeaseService } from '../../src/jobs/job-lease.service';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Work that must happen once however many processes run: scheduled jobs claim each run in the database, boot
 * steps (migrations, demo seed) hold a database lock. On MySQL two connection pools stand for two processes;
 * SQLite serves a single process, so there one pool carries everything.
 */
describe('single-shot work across processes', () => {
  let database: TestDatabase;
  const pools: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const processes = database.config.type === 'mysql' ? 2 : 1;
    for (let i = 0; i < processes; i++)
      pools.push(await new DataSource(dataSourceOptions(database.config)).initialize());
    await pools[0].runMigrations();
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
    await database?.drop();
  });

  it('40 timers ticking at the same moment: exactly one runs the job, for a first run and for a later one', async () => {
    const transactions = pools.map((pool) => new Transactions(pool)); // one per process, as in the app
    const services = Array.from(
      { length: 40 },
      (_, i) => new JobLeaseService(pools[i % pools.length], transactions[i % pools.length], new SystemClock()),
    );
    const runs: string[] = [];
    const tick = () =>
      Promise.all(
        services.map((service) =>
          service.runLeased('contended-job', { leaseMs: 300 }, async () => runs.push(service.owner)),
        ),
      );

    expect((await tick()).filter((outcome) => outcome.ran)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await tick()).filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(runs).toHaveLength(2);
  });

  // SQLite has one process, so the lock is a no-op there.
  const onMysql = process.env.TEST_DB === 'mysql' ? it : it.skip;

  onMysql('boot steps under the database lock run one after another, never side by side', async () => {
    let inside = 0;
    let most = 0;
    const step = async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
    };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => withDatabaseLock(pools[i % pools.length], 'test-boot-step', step)),
    );
    expect(most).toBe(1);
  });
});
