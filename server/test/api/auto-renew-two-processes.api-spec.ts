import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  DAY_MS,
  OrderKind,
  type AdminTierView,
  type AutoRenewRunResult,
  type StartAutoRenewResponse,
  type WechatLoginResponse,
} from '@member-commerce/shared';
import { createApp } from '../../src/app.factory';
import { FixedClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/load-config';
import { Transactions } from '../../src/database/transactions';
import { MembershipTermsService, tierTerms } from '../../src/membership/membership-terms.service';
import { Tier } from '../../src/membership/tier.entity';
import { Order } from '../../src/orders/order.entity';
import { DevWechatPapayNotice } from '../../src/wechat/dev/dev-wechat-papay.entity';
import { staffAccount, staffLogin } from '../support/staff-fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

/**
 * Two server instances on one MariaDB database (each with its own pool and simulator, as two processes would
 * have) run the auto-renew pass at the same moments: every member is notified once and charged once.
 */
const onMysql = process.env.TEST_DB === 'mysql' ? describe : describe.skip;
const TERM_END = new Date('2031-03-10T02:00:00Z');
const MEMBERS = 20;

onMysql('auto-renew with two server processes on one database', () => {
  let database: TestDatabase;
  const apps: NestFastifyApplication[] = [];
  const clocks: FixedClock[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SCHEDULERS: '0', SEED_DEMO: '0' });
      config.database = database.config;
      const clock = new FixedClock(new Date(TERM_END.getTime() - 20 * DAY_MS));
      const app = await createApp({ config, clock });
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address();
      config.publicUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      apps.push(app);
      clocks.push(clock);
    }
  }, 180_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('each contract is notified once and charged once although both processes ran every pass at the same time', async () => {
    const http = apps.map((app) => request(app.getHttpServer()));
    const admin = await staffAccount(http[0], apps[0].get(DataSource), 'admin');
    const tokens = await Promise.all(http.map(async (h) => (await staffLogin(h, admin)).Authorization));
    const created = (
      await http[0]
        .post('/api/admin/tiers')
        .set({ Authorization: tokens[0] })
        .send({
          code: 'AR_TWO',
          name: '双进程月卡',
          priceFen: 3_000,
          termDays: 30,
          giftPackChoices: 0,
          autoRenewPriceFen: 2_600,
        })
        .expect(201)
    ).body as AdminTierView;
    await http[0]
      .patch(`/api/admin/tiers/${created.id}`)
      .set({ Authorization: tokens[0] })
      .send({ status: 'ACTIVE' })
      .expect(200);
    const dataSource = apps[0].get(DataSource);
    const tier = await dataSource.manager.findOneOrFail(Tier, {
      where: { id: created.id },
      relations: { benefits: true },
    });

    const customerIds: number[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const login = (
        await http[0]
          .post('/api/auth/wechat-login')
          .send({ code: `dev:ar-two-${i}` })
          .expect(200)
      ).body as WechatLoginResponse;
      customerIds.push(login.customer.id);
      await apps[0].get(Transactions).run((manager) =>
        apps[0].get(MembershipTermsService).addPurchasedTerm(manager, {
          customerId: login.customer.id,
          tierId: tier.id,
          terms: tierTerms(tier),
          orderId: null,
          feeFen: tier.priceFen,
          now: new Date(TERM_END.getTime() - 30 * DAY_MS),
        }),
      );
      const started = (
        await http[i % 2]
          .post('/api/me/auto-renew')
          .set({ Authorization: `Bearer ${login.token}` })
          .send({ tierId: tier.id })
          .expect(201)
      ).body as StartAutoRenewResponse;
      await http[(i + 1) % 2].post(`/api/dev/wechat/papay/${started.contract.id}/sign`).expect(200);
    }

    const passAt = async (at: Date) => {
      for (const clock of clocks) clock.set(at);
      const runs = await Promise.all(
        http.flatMap((h, i) =>
          [0, 1].map(() =>
            h
              .post('/api/admin/auto-renew/run')
              .set({ Authorization: tokens[i] })
              .send({ now: at.toISOString() })
              .expect(200),
          ),
        ),
      );
      return runs.map((res) => res.body as AutoRenewRunResult);
    };
    const sum = (results: AutoRenewRunResult[], key: keyof AutoRenewRunResult) =>
      results.reduce((total, r) => total + r[key], 0);

    expect(sum(await passAt(new Date(TERM_END.getTime() - 7 * DAY_MS)), 'notified')).toBe(MEMBERS);
    expect(await dataSource.manager.count(DevWechatPapayNotice)).toBe(MEMBERS);
    const charge = await passAt(new Date(TERM_END.getTime() - DAY_MS));
    expect({ charged: sum(charge, 'charged'), failed: sum(charge, 'failed') }).toEqual({ charged: MEMBERS, failed: 0 });
    expect(sum(await passAt(new Date(TERM_END.getTime() - DAY_MS + 3_600_000)), 'charged')).toBe(0);

    const renewals = await dataSource.manager.find(Order, { where: { kind: OrderKind.MEMBERSHIP } });
    const perCustomer = new Map<number, string[]>();
    for (const order of renewals.filter((o) => customerIds.includes(o.customerId)))
      perCustomer.set(order.customerId, [...(perCustomer.get(order.customerId) ?? []), order.status]);
    expect([...perCustomer.values()]).toEqual(Array.from({ length: MEMBERS }, () => ['PAID']));
  });
});
