import type {
  AdminMemberRow,
  CouponView,
  CustomerNoteView,
  CustomerProfileView,
  CustomerTagView,
  Page,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures, ShopFixtures, TierFixture } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const DAY = 24 * 3600 * 1000;

/** 客户详情 (issue #21): what staff see of one customer, the notes and tags they keep, and who may do what. */
describe('customer profile for staff', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let f: ShopFixtures;
  let couponTier: TierFixture;
  let lin: { customerId: number; usedTotalFen: number; firstOrderNo: string; refundedOrderNo: string; usedOn: string };

  let zhaoId: number;

  const profile = async (customerId: number, role: 'admin' | 'operator' | 'finance' | 'support' = 'admin') =>
    (
      await t.http
        .get(`/api/admin/customers/${customerId}`)
        .set(await t.staff(role))
        .expect(200)
    ).body as CustomerProfileView;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    f = shopFixtures(t, (outTradeNo) => pay.confirm(outTradeNo));
    couponTier = await f.tier('CP-YEAR', {
      priceFen: 50_000,
      benefits: ['COUPON'],
      benefitConfig: { COUPON: { amountFen: 1_000, thresholdFen: 5_000, validDays: 30, perMonth: false, quantity: 2 } },
    });
    const tea = await f.product('CP-TEA', 8_000);

    // 林一: a paid year, a renewal that was fully refunded, one order paid with a coupon, the other coupon expired.
    const first = await f.member('cp-lin', couponTier.id);
    const coupons = (await t.http.get('/api/me/coupons').set(first.auth).expect(200)).body as CouponView[];
    const used = await f.order('cp-lin', [{ skuId: tea.skuId, quantity: 1 }], { couponId: coupons[0].id });
    const renewal = await f.member('cp-lin', couponTier.id);
    const refund = await t.http
      .post(`/api/admin/orders/${renewal.orderId}/refunds`)
      .set(await t.staff('admin'))
      .send({ reason: '顾客误购续费' });
    expect([200, 201]).toContain(refund.status);
    expect(await pay.completeRefund(refund.body.outRefundNo as string)).toBe(204);
    // 赵二: joined and was refunded in full at once, so the term's coupons were voided with it.
    const zhao = await f.member('cp-zhao', couponTier.id);
    const zhaoRefund = await t.http
      .post(`/api/admin/orders/${zhao.orderId}/refunds`)
      .set(await t.staff('admin'))
      .send({ reason: '七天无理由退会员' });
    expect(await pay.completeRefund(zhaoRefund.body.outRefundNo as string)).toBe(204);
    zhaoId = zhao.customerId;
    t.clock.advance(31 * DAY);
    const orderNo = async (id: number) =>
      ((await t.http.get(`/api/orders/${id}`).set(first.auth).expect(200)).body as { outTradeNo: string }).outTradeNo;
    lin = {
      customerId: first.customerId,
      usedTotalFen: used.totalFen,
      firstOrderNo: await orderNo(first.orderId),
      refundedOrderNo: await orderNo(renewal.orderId),
      usedOn: used.outTradeNo,
    };
  });
  afterAll(() => t.close());

  it('shows every term with the order that bought it, what was paid and what was refunded', async () => {
    const seen = await profile(lin.customerId);
    expect(seen.terms).toHaveLength(2);
    const [kept, refunded] = seen.terms;
    expect(kept).toMatchObject({
      removed: false,
      outTradeNo: lin.firstOrderNo,
      order: { outTradeNo: lin.firstOrderNo, status: 'PAID', totalFen: 50_000, refundedFen: 0 },
    });
    expect(refunded).toMatchObject({
      removed: true,
      order: { outTradeNo: lin.refundedOrderNo, status: 'REFUNDED', totalFen: 50_000, refundedFen: 50_000 },
    });
    expect(seen.membership.status).toBe('ACTIVE');
    expect(seen.autoRenew.status).toBe('NONE');
  });

  it('names two spends apart: lifetime spend and the counted spend of the current run of terms', async () => {
    const seen = await profile(lin.customerId);
    expect(lin.usedTotalFen).toBeLessThan(8_000 + 1_000);
    expect(seen.lifetimeSpendFen).toBe(lin.usedTotalFen);
    expect(seen.membership.spendFen).toBe(lin.usedTotalFen);
  });

  it('lists coupons in every state: the used one with its order, the expired one', async () => {
    const { coupons } = await profile(lin.customerId);
    expect(coupons).toHaveLength(2);
    expect(coupons.find((c) => c.status === 'USED')).toMatchObject({
      usedOnOutTradeNo: lin.usedOn,
      termOutTradeNo: lin.firstOrderNo,
      voidReason: null,
    });
    expect(coupons.find((c) => c.status === 'EXPIRED')).toMatchObject({ usedOnOutTradeNo: null, voidReason: null });
  });

  it('coupons of a term refunded in full are shown voided, with the refund as the reason', async () => {
    const seen = await profile(zhaoId);
    expect(seen.membership.status).toBe('REVOKED');
    expect(seen.terms).toEqual([expect.objectContaining({ removed: true })]);
    expect(seen.coupons.map((c) => [c.status, c.voidReason])).toEqual([
      ['VOID', 'TERM_REFUNDED'],
      ['VOID', 'TERM_REFUNDED'],
    ]);
  });

  it('masks the phone and never shows the whole openid', async () => {
    const seen = await profile(lin.customerId);
    expect(seen.openidTail.length).toBeLessThanOrEqual(4);
    expect(JSON.stringify(seen)).not.toContain('dev:cp-lin');
    expect(seen.phoneMasked).toBeNull();
  });

  it("lists the customer's orders through the order list's customer filter, order numbers first", async () => {
    const res = await t.http
      .get('/api/admin/orders')
      .query({ customerId: lin.customerId })
      .set(await t.staff('support'))
      .expect(200);
    const numbers = (res.body.items as { outTradeNo: string }[]).map((order) => order.outTradeNo);
    expect(numbers.sort()).toEqual([lin.firstOrderNo, lin.refundedOrderNo, lin.usedOn].sort());
  });

  describe('notes are append-only, signed and audited', () => {
    it('a note keeps its author and time, newest first, and the audit log names the customer', async () => {
      await t.http
        .post(`/api/admin/customers/${lin.customerId}/notes`)
        .set(await t.staff('support'))
        .send({ text: '  电话回访：希望续费前提醒  ' })
        .expect(201);
      const notes = (
        await t.http
          .post(`/api/admin/customers/${lin.customerId}/notes`)
          .set(await t.staff('operator'))
          .send({ text: '已寄送补发赠品' })
          .expect(201)
      ).body as CustomerNoteView[];
      expect(notes.map((note) => [note.text, note.staffUsername])).toEqual([
        ['已寄送补发赠品', (await t.staffCredentials('operator')).username],
        ['电话回访：希望续费前提醒', (await t.staffCredentials('support')).username],
      ]);
      expect((await profile(lin.customerId, 'finance')).notes).toHaveLength(2);
      const audit = await t.http
        .get('/api/admin/audit-logs')
        .query({ action: 'customer.note' })
        .set(await t.staff('admin'))
        .expect(200);
      expect(audit.body.total).toBe(2);
    });

    it('an empty or over-long note is refused with VALIDATION_FAILED and nothing is written', async () => {
      for (const text of ['   ', 'x'.repeat(501), 42]) {
        const res = await t.http
          .post(`/api/admin/customers/${lin.customerId}/notes`)
          .set(await t.staff('admin'))
          .send({ text })
          .expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await profile(lin.customerId)).notes).toHaveLength(2);
    });
  });

  describe('tags are defined by staff and filter the member list', () => {
    it('a tag added by name is defined once, stays once on a customer, and filters the member list', async () => {
      const other = await f.member('cp-wang', couponTier.id);
      const tag = async (customerId: number, name: string) =>
        (
          await t.http
            .post(`/api/admin/customers/${customerId}/tags`)
            .set(await t.staff('operator'))
            .send({ name })
            .expect(201)
        ).body as CustomerTagView[];
      await tag(lin.customerId, '高价值');
      expect((await tag(lin.customerId, '高价值')).map((x) => x.name)).toEqual(['高价值']);
      await tag(other.customerId, '需回访');
      const all = (
        await t.http
          .get('/api/admin/customers/tags')
          .set(await t.staff('finance'))
          .expect(200)
      ).body as CustomerTagView[];
      expect(all.map((x) => x.name).sort()).toEqual(['需回访', '高价值'].sort());
      const valuable = all.find((x) => x.name === '高价值')!;
      const members = (
        await t.http
          .get('/api/admin/members')
          .query({ tagId: valuable.id })
          .set(await t.staff('support'))
          .expect(200)
      ).body as Page<AdminMemberRow>;
      expect(members.items.map((row) => row.customerId)).toEqual([lin.customerId]);
    });

    it('removing a tag takes it off that customer only; removing one it does not carry is CUSTOMER_TAG_NOT_FOUND', async () => {
      const { tags } = await profile(lin.customerId);
      const valuable = tags.find((x) => x.name === '高价值')!;
      await t.http
        .delete(`/api/admin/customers/${lin.customerId}/tags/${valuable.id}`)
        .set(await t.staff('support'))
        .expect(200);
      expect((await profile(lin.customerId)).tags).toEqual([]);
      const again = await t.http
        .delete(`/api/admin/customers/${lin.customerId}/tags/${valuable.id}`)
        .set(await t.staff('support'))
        .expect(404);
      expect(again.body.code).toBe('CUSTOMER_TAG_NOT_FOUND');
      const audit = await t.http
        .get('/api/admin/audit-logs')
        .query({ action: 'customer.tag.remove' })
        .set(await t.staff('admin'))
        .expect(200);
      expect(audit.body.total).toBe(1);
    });

    it('two staff giving one customer an existing tag at the same instant both succeed: one tag, audited once (20 trials)', async () => {
      const operator = await t.staff('operator');
      const support = await t.staff('support');
      for (let trial = 0; trial < 20; trial++) {
        const { customerId } = await f.member(`cp-race-${trial}`, couponTier.id);
        const name = `同时-${trial}`;
        await t.http.post(`/api/admin/customers/${lin.customerId}/tags`).set(operator).send({ name }).expect(201);
        const answers = await Promise.all(
          [operator, support].map((staff) =>
            t.http.post(`/api/admin/customers/${customerId}/tags`).set(staff).send({ name }),
          ),
        );
        expect(answers.map((res) => res.status)).toEqual([201, 201]);
        expect((await profile(customerId)).tags.map((x) => x.name)).toEqual([name]);
        const audit = await t.http
          .get('/api/admin/audit-logs')
          .query({ action: 'customer.tag.add', entityId: customerId })
          .set(await t.staff('admin'))
          .expect(200);
        expect(
          audit.body.items.filter((row: { entityId: number }) => Number(row.entityId) === customerId),
        ).toHaveLength(1);
      }
    });

    it('a blank or too-long tag name is refused with VALIDATION_FAILED', async () => {
      for (const name of ['', '  ', '标'.repeat(21)]) {
        const res = await t.http
          .post(`/api/admin/customers/${lin.customerId}/tags`)
          .set(await t.staff('admin'))
          .send({ name })
          .expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('who may read and write', () => {
    it('every staff role reads a profile; finance may not write notes or tags', async () => {
      for (const role of ['admin', 'operator', 'finance', 'support'] as const) await profile(lin.customerId, role);
      const finance = await t.staff('finance');
      await t.http
        .post(`/api/admin/customers/${lin.customerId}/notes`)
        .set(finance)
        .send({ text: '财务备注' })
        .expect(403);
      await t.http.post(`/api/admin/customers/${lin.customerId}/tags`).set(finance).send({ name: '财务' }).expect(403);
    });

    it('a customer token or no token never reaches these routes', async () => {
      const customer = await t.customer('cp-lin');
      for (const req of [
        t.http.get(`/api/admin/customers/${lin.customerId}`).set(customer),
        t.http.post(`/api/admin/customers/${lin.customerId}/notes`).set(customer).send({ text: '我自己' }),
        t.http.get('/api/admin/customers/tags'),
      ])
        expect([401, 403]).toContain((await req).status);
    });

    it('an unknown customer is CUSTOMER_NOT_FOUND and a malformed id is a 400, never a 500', async () => {
      const admin = await t.staff('admin');
      const missing = await t.http.get('/api/admin/customers/999999').set(admin).expect(404);
      expect(missing.body.code).toBe('CUSTOMER_NOT_FOUND');
      const note = await t.http.post('/api/admin/customers/999999/notes').set(admin).send({ text: '无' }).expect(404);
      expect(note.body.code).toBe('CUSTOMER_NOT_FOUND');
      expect((await t.http.get('/api/admin/customers/abc').set(admin)).status).toBe(400);
      expect((await t.http.get('/api/admin/members').query({ tagId: 'x' }).set(admin)).status).toBe(400);
    });
  });
});
