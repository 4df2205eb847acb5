import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { JobLeaseService } from './job-lease.service';
import { ScheduledPasses } from './scheduled-passes';

function passesWith({ schedulersEnabled = true, leaseWon = true } = {}) {
  const leases = {
    runLeased: jest.fn(async (_job: string, _options: unknown, work: () => Promise<unknown>) =>
      leaseWon ? { ran: true, result: await work() } : { ran: false },
    ),
  };
  const passes = new ScheduledPasses(leases as unknown as JobLeaseService, { schedulersEnabled } as AppConfig);
  return { passes, leases };
}

describe('ScheduledPasses: the tick every scheduled job shares', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('does nothing when schedulers are off', async () => {
    const { passes } = passesWith({ schedulersEnabled: false });
    const pass = jest.fn(async () => 1);
    expect(await passes.tick('job', {}, pass)).toEqual({ ran: false });
    expect(pass).not.toHaveBeenCalled();
  });

  it('runs a pass with a lease only when this process wins the lease', async () => {
    const won = passesWith();
    expect(await won.passes.tick('job', { leaseMs: 1000 }, async () => 7)).toEqual({ ran: true, result: 7 });
    expect(won.leases.runLeased).toHaveBeenCalledWith('job', { leaseMs: 1000 }, expect.any(Function));
    const lost = passesWith({ leaseWon: false });
    const pass = jest.fn(async () => 1);
    expect(await lost.passes.tick('job', { leaseMs: 1000 }, pass)).toEqual({ ran: false });
    expect(pass).not.toHaveBeenCalled();
  });

  it('runs a pass without a lease in every process (the pass claims its own rows)', async () => {
    const { passes, leases } = passesWith();
    expect(await passes.tick('job', {}, async () => 'done')).toEqual({ ran: true, result: 'done' });
    expect(leases.runLeased).not.toHaveBeenCalled();
  });

  it("skips a tick while this process's previous pass of the same job still runs, not another job's", async () => {
    const { passes } = passesWith();
    let finish = () => {};
    const slow = passes.tick('job', {}, () => new Promise<void>((resolve) => (finish = resolve)));
    expect(await passes.tick('job', {}, async () => 1)).toEqual({ ran: false });
    expect(await passes.tick('other', {}, async () => 2)).toEqual({ ran: true, result: 2 });
    finish();
    await slow;
    expect(await passes.tick('job', {}, async () => 3)).toEqual({ ran: true, result: 3 });
  });

  it('logs a failed pass instead of throwing into the timer, and the next tick runs again', async () => {
    const { passes } = passesWith();
    await expect(passes.tick('job', {}, () => Promise.reject(new Error('boom')))).resolves.toEqual({ ran: false });
    expect(Logger.prototype.error).toHaveBeenCalledWith('The job pass failed: boom');
    expect(await passes.tick('job', {}, async () => 4)).toEqual({ ran: true, result: 4 });
  });
});
