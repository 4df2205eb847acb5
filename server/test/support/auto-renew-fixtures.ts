import { DataSource } from 'typeorm';
import { DAY_MS, type AdminTierView, type StartAutoRenewResponse } from '@member-commerce/shared';
import { Transactions } from '../../src/database/transactions';
import { MembershipTermsService, tierTerms } from '../../src/membership/membership-terms.service';
import { Tier } from '../../src/membership/tier.entity';
import { devOpenid } from '../../src/wechat/dev/dev-openid';
import type { TestApp } from './test-app';

export interface ArMember {
  name: string;
  customerId: number;
  openid: string;
  token: { Authorization: string };
}

/**
 * Named auto-renew fixtures: a monthly tier offering auto-renew at its own price, a member of it whose paid term
 * ends at an exact instant, and an opted-in, signed contract.
 */
export class AutoRenewFixtures {
  constructor(private readonly t: TestApp) {}

  /** An active 30-day tier at `priceFen`, auto-renewing at `autoRenewPriceFen`. */
  async monthlyTier(code: string, priceFen: number, autoRenewPriceFen: number | null): Promise<AdminTierView> {
    const admin = await this.t.staff('admin');
    const created = (
      await this.t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({ code, name: `${code} 月卡`, priceFen, termDays: 30, giftPackChoices: 0, autoRenewPriceFen })
        .expect(201)
    ).body as AdminTierView;
    return (await this.t.http.patch(`/api/admin/tiers/${created.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200))
      .body as AdminTierView;
  }

  /** A member of `tierId` whose (30-day) paid term ends exactly at `termEnd`. */
  async memberEndingAt(name: string, tierId: number, termEnd: Date): Promise<ArMember> {
    const token = await this.t.customer(name);
    const customerId = await this.customerId(name);
    const dataSource = this.t.app.get(DataSource);
    const tier = await dataSource.manager.findOneOrFail(Tier, { where: { id: tierId }, relations: { benefits: true } });
    await this.t.app.get(Transactions).run((manager) =>
      this.t.app.get(MembershipTermsService).addPurchasedTerm(manager, {
        customerId,
        tierId,
        terms: tierTerms(tier),
        orderId: null,
        feeFen: tier.priceFen,
        now: new Date(termEnd.getTime() - 30 * DAY_MS),
      }),
    );
    return { name, customerId, openid: devOpenid(name), token };
  }

  /** Opted in and signed in (simulated) WeChat: the contract is ACTIVE. */
  async signedContract(member: ArMember, tierId: number): Promise<number> {
    const started = (await this.t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    const signed = await this.t.http.post(`/api/dev/wechat/papay/${started.contract.id}/sign`).expect(200);
    if (signed.body.notifyStatus !== 204) throw new Error(`contract notification answered ${signed.body.notifyStatus}`);
    return started.contract.id;
  }

  /** Runs one pass as if at `at` (the app's clock set to the same instant). */
  async pass(at: Date) {
    this.t.clock.set(at);
    return (
      await this.t.http
        .post('/api/admin/auto-renew/run')
        .set(await this.t.staff('admin'))
        .send({ now: at.toISOString() })
        .expect(200)
    ).body as { notified: number; charged: number; failed: number };
  }

  private async customerId(name: string): Promise<number> {
    const res = await this.t.http
      .post('/api/auth/wechat-login')
      .send({ code: `dev:${name}` })
      .expect(200);
    return (res.body as { customer: { id: number } }).customer.id;
  }
}
