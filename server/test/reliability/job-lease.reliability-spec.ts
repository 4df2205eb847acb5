import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SystemClock } from '../../src/common/clock';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { Transactions } from '../../src/database/transactions';
import { JobLeaseService } from '../../src/jobs/job-lease.service';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Scheduled jobs run once per tick however many processes run them: each process's timer claims the run in
 * the database. On MySQL two connection pools stand for two processes; SQLite serves a single process, so
 * there one pool carries all the timers.
 */
describe('job leases under contention', () => {
  let database: TestDatabase;
  const pools: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const processes = database.config.type === 'mysql' ? 2 : 1;
    for (let i = 0; i < processes; i++) pools.push(await new DataSource(dataSourceOptions(database.config)).initialize());
    await pools[0].runMigrations();
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
    await database?.drop();
  });

  it('40 timers ticking at the same moment: exactly one runs the job, for a first run and for a later one', async () => {
    const transactions = pools.map((pool) => new Transactions(pool)); // one per process, as in the app
    const services = Array.from({ length: 40 }, (_, i) => new JobLeaseService(pools[i % pools.length], transactions[i % pools.length], new SystemClock()));
    const runs: string[] = [];
    const tick = () => Promise.all(services.map((service) => service.runLeased('contended-job', { leaseMs: 300 }, async () => runs.push(service.owner))));

    expect((await tick()).filter((outcome) => outcome.ran)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await tick()).filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(runs).toHaveLength(2);
  });
});
