import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { FixedClock } from '../common/clock';
import { dataSourceOptions } from '../database/data-source-options';
import { Transactions } from '../database/transactions';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { JobLeaseService } from './job-lease.service';

describe('JobLeaseService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
  const apiProcess = () => new JobLeaseService(dataSource, new Transactions(dataSource), clock);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.config)).initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('lets one process claim a job and the others skip it until the lease runs out', async () => {
    const [a, b] = [apiProcess(), apiProcess()];
    expect(await a.claim('job-a', 25_000)).toBe(true);
    expect(await b.claim('job-a', 25_000)).toBe(false);
    expect(await a.claim('job-a', 25_000)).toBe(false);
    clock.advance(24_999);
    expect(await b.claim('job-a', 25_000)).toBe(false);
    clock.advance(2);
    expect(await b.claim('job-a', 25_000)).toBe(true);
    expect(await b.current('job-a')).toMatchObject({
      owner: b.owner,
      leasedUntil: new Date(clock.now().getTime() + 25_000),
    });
  });

  it('keeps jobs apart: holding one lease does not block another job', async () => {
    const [a, b] = [apiProcess(), apiProcess()];
    expect(await a.claim('job-b1', 60_000)).toBe(true);
    expect(await b.claim('job-b2', 60_000)).toBe(true);
  });

  it('runs the work only for the winner, and passes its result or error through', async () => {
    const [a, b] = [apiProcess(), apiProcess()];
    const work = jest.fn(async () => 42);
    expect(await a.runLeased('job-c', { leaseMs: 10_000 }, work)).toEqual({ ran: true, result: 42 });
    expect(await b.runLeased('job-c', { leaseMs: 10_000 }, work)).toEqual({ ran: false });
    expect(work).toHaveBeenCalledTimes(1);
    clock.advance(10_001);
    await expect(b.runLeased('job-c', { leaseMs: 10_000 }, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
  });

  it('release lets the job be claimed again at once, but only by its holder', async () => {
    const [a, b] = [apiProcess(), apiProcess()];
    expect(await a.claim('job-d', 60_000)).toBe(true);
    await b.release('job-d');
    expect(await b.claim('job-d', 60_000)).toBe(false);
    await a.release('job-d');
    expect(await b.claim('job-d', 60_000)).toBe(true);
  });
});
