import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AdminTierView, ReminderRunResult } from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { FixedClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/load-config';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { Member, ReminderFixtures } from '../support/reminder-fixtures';
import { staffAccount, staffLogin } from '../support/staff-fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

/**
 * Two server instances on one MariaDB database (each with its own connection pool and WeChat simulator, as two
 * processes would have) run the reminder pass at the same moment. SQLite is single-process by design.
 */
const onMysql = process.env.TEST_DB === 'mysql' ? describe : describe.skip;

onMysql('renewal reminders with two server processes on one database', () => {
  let database: TestDatabase;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SCHEDULERS: '0', SEED_DEMO: '0' });
      config.database = database.config;
      const app = await createApp({ config, clock: new FixedClock(new Date('2031-01-01T02:00:00Z')) });
      await app.init();
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('each reminder is sent once although both processes ran the pass at the same time', async () => {
    const http = apps.map((app) => request(app.getHttpServer()));
    await apps[0].getHttpAdapter().getInstance().ready();
    await apps[1].getHttpAdapter().getInstance().ready();
    const admin = await staffAccount(http[0], apps[0].get(DataSource), 'admin');
    const auths = await Promise.all(http.map((h) => staffLogin(h, admin)));
    const year = (
      await http[0]
        .post('/api/admin/tiers')
        .set(auths[0])
        .send({ code: 'RM_TWO_YEAR', name: '双进程年卡', priceFen: 36_500, termDays: 365, giftPackChoices: 0 })
        .expect(201)
    ).body as AdminTierView;
    const fx = new ReminderFixtures(apps[0], http[0], year.id);
    const end = new Date('2031-02-10T04:00:00Z');
    const members: Member[] = [];
    for (let i = 0; i < 120; i++) members.push(await fx.memberEndingAt(`two-processes-${i}`, end, i % 4 === 0 ? 0 : 1));

    const passes = await Promise.all(
      http.flatMap((h, i) =>
        [0, 1].map(() =>
          h.post('/api/admin/reminders/run').set(auths[i]).send({ now: '2031-02-09T02:00:00Z' }).expect(200),
        ),
      ),
    );
    const results = passes.map((res) => res.body as ReminderRunResult);
    // The simulator keeps its message log in the shared database: one instance sees what both sent.
    const messages = await fx.messagesFor(members, apps[0].get(WechatSimulator));

    expect(messages).toHaveLength(90);
    expect(new Set(messages.map((m) => m.openid)).size).toBe(90);
    const sum = (key: keyof ReminderRunResult) => results.reduce((total, r) => total + r[key], 0);
    expect({ due: sum('due'), sent: sum('sent'), inApp: sum('inApp'), skipped: sum('skipped') }).toEqual({
      due: 120,
      sent: 90,
      inApp: 30,
      skipped: 30,
    });
  });
});
