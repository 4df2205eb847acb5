import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DAY_MS, TermUnit, type WechatLoginResponse } from '@member-commerce/shared';
import { Transactions } from '../../src/database/transactions';
import { MembershipTermsService, tierTerms } from '../../src/membership/membership-terms.service';
import { Tier } from '../../src/membership/tier.entity';
import { ConsentCredit } from '../../src/reminders/consent-credit.entity';
import { RenewalRemindersService } from '../../src/reminders/renewal-reminders.service';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { devOpenid } from '../../src/wechat/dev/dev-openid';
import type request from 'supertest';

export interface Member {
  name: string;
  customerId: number;
  openid: string;
  token: { Authorization: string };
}

/**
 * Named reminder fixtures: a customer whose membership of the spec's own tier (`tierId`, e.g. made with
 * shopFixtures) ends at an exact instant, with or without consent credits, and a renewal written as the paid-order
 * hook will write it.
 */
export class ReminderFixtures {
  constructor(
    private readonly app: INestApplication,
    private readonly http: ReturnType<typeof request>,
    private readonly tierId: number,
  ) {}

  private get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async tier(): Promise<Tier> {
    return this.dataSource.manager.findOneOrFail(Tier, { where: { id: this.tierId }, relations: { benefits: true } });
  }

  /** A customer whose membership (a 365-day term) ends exactly at `termEnd`, holding `credits` consents. */
  async memberEndingAt(
    name: string,
    termEnd: Date,
    credits = 0,
    templateId = 'tmpl_renewal_reminder_dev',
  ): Promise<Member> {
    const login = (
      await this.http
        .post('/api/auth/wechat-login')
        .send({ code: `dev:${name}` })
        .expect(200)
    ).body as WechatLoginResponse;
    const customerId = login.customer.id;
    await this.addTerm(customerId, new Date(termEnd.getTime() - 365 * DAY_MS));
    if (credits > 0) await this.dataSource.manager.insert(ConsentCredit, { customerId, templateId, credits });
    return { name, customerId, openid: devOpenid(name), token: { Authorization: `Bearer ${login.token}` } };
  }

  /** A paid renewal as the order hook writes it: the term, then `onRenewed`, in one transaction (`hook: false` skips it). */
  async renew(member: Member, now: Date, { hook = true } = {}): Promise<void> {
    const tier = await this.tier();
    await this.app.get(Transactions).run(async (manager) => {
      await this.app.get(MembershipTermsService).addPurchasedTerm(manager, {
        customerId: member.customerId,
        tierId: tier.id,
        terms: { ...tierTerms(tier), termUnit: TermUnit.DAY, termLength: 365 },
        orderId: null,
        feeFen: tier.priceFen,
        now,
      });
      if (hook) await this.app.get(RenewalRemindersService).onRenewed(manager, member.customerId, now);
    });
  }

  async credits(member: Member, templateId = 'tmpl_renewal_reminder_dev'): Promise<number> {
    return (
      (await this.dataSource.manager.findOne(ConsentCredit, { where: { customerId: member.customerId, templateId } }))
        ?.credits ?? 0
    );
  }

  /** Subscribe messages the dev simulator received for these members (oldest first). */
  async messagesFor(members: Member[], simulator = this.app.get(WechatSimulator)) {
    const openids = new Set(members.map((m) => m.openid));
    return (await simulator.listMessages()).filter((m) => openids.has(m.openid)).reverse();
  }

  private async addTerm(customerId: number, start: Date): Promise<void> {
    const tier = await this.tier();
    await this.app.get(Transactions).run((manager) =>
      this.app.get(MembershipTermsService).addPurchasedTerm(manager, {
        customerId,
        tierId: tier.id,
        terms: { ...tierTerms(tier), termUnit: TermUnit.DAY, termLength: 365 },
        orderId: null,
        feeFen: tier.priceFen,
        now: start,
      }),
    );
  }
}
