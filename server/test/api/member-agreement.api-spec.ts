import type {
  AdminOrderView,
  CreateOrderResponse,
  LegalDocumentView,
  OrderView,
  TierView,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

/** Issue #18: the member agreement is versioned and edited by staff; a membership order keeps the version accepted. The phone number comes from WeChat. */
describe('member agreement and phone number', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let annual: TierView;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    await shopFixtures(t).tier('MA-ANNUAL');
    annual = ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find(
      (tier) => tier.code === 'MA-ANNUAL',
    )!;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const agreement = async () => (await t.http.get('/api/membership-agreement').expect(200)).body as LegalDocumentView;

  it('the current member agreement is public, and staff publishing a new version keeps the old one (audited, operators and admins only)', async () => {
    const first = await agreement();
    expect(first).toEqual({ version: expect.any(Number), title: expect.any(String), content: expect.any(String) });
    const text = { title: '会员服务协议（测试版）', content: '第一条：会员权益以购买时的会员卡页面为准。' };
    await t.http
      .post('/api/admin/legal/MEMBER_AGREEMENT/versions')
      .set(await t.staff('support'))
      .send(text)
      .expect(403);
    await t.http
      .post('/api/admin/legal/MEMBER_AGREEMENT/versions')
      .set(await t.staff('operator'))
      .send({ title: '', content: 'x' })
      .expect(400);
    await t.http
      .post('/api/admin/legal/NOT_A_KIND/versions')
      .set(await t.staff('operator'))
      .send(text)
      .expect(400);
    const published = (
      await t.http
        .post('/api/admin/legal/MEMBER_AGREEMENT/versions')
        .set(await t.staff('operator'))
        .send(text)
        .expect(201)
    ).body as LegalDocumentView;
    expect(published).toMatchObject({ version: first.version + 1, ...text, createdBy: 'operator' });
    expect(await agreement()).toEqual({ version: first.version + 1, ...text });
    const versions = (
      await t.http
        .get('/api/admin/legal/MEMBER_AGREEMENT/versions')
        .set(await t.staff('support'))
        .expect(200)
    ).body as LegalDocumentView[];
    expect(versions.map((v) => v.version)).toEqual([first.version + 1, first.version]);
    const audit = await t.http
      .get('/api/admin/audit')
      .query({ action: 'legal-document.publish' })
      .set(await t.staff('admin'));
    expect(JSON.stringify(audit.body)).toContain('legal-document.publish');
  });

  it('a membership order stores the agreement version its buyer accepted; an outdated version is refused', async () => {
    const auth = await t.customer('ma-buyer');
    const current = await agreement();
    const outdated = await t.http
      .post('/api/orders/membership')
      .set(auth)
      .send({ tierId: annual.id, agreementVersion: current.version - 1 })
      .expect(409);
    expect(outdated.body.code).toBe('AGREEMENT_NOT_ACCEPTED');
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(auth)
        .send({ tierId: annual.id, agreementVersion: current.version })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(bought.order.outTradeNo);
    expect(
      ((await t.http.get(`/api/orders/${bought.order.id}`).set(auth).expect(200)).body as OrderView).agreementVersion,
    ).toBe(current.version);
    expect(
      (
        (
          await t.http
            .get(`/api/admin/orders/${bought.order.id}`)
            .set(await t.staff('finance'))
            .expect(200)
        ).body as AdminOrderView
      ).agreementVersion,
    ).toBe(current.version);
  });

  it("the phone number comes from WeChat's phone-number code, never from the client; a bad code is a 400", async () => {
    const auth = await t.customer('ma-phone');
    expect((await t.http.get('/api/me/phone').set(auth).expect(200)).body).toEqual({ phone: null });
    const bad = await t.http.post('/api/me/phone').set(auth).send({ code: 'expired-code' }).expect(400);
    expect(bad.body.code).toBe('PHONE_CODE_INVALID');
    await t.http.post('/api/me/phone').set(auth).send({ phone: '13800000000' }).expect(400);
    expect(
      (await t.http.post('/api/me/phone').set(auth).send({ code: 'dev-phone:13912345678' }).expect(200)).body,
    ).toEqual({ phone: '13912345678' });
    expect((await t.http.get('/api/me/phone').set(auth).expect(200)).body).toEqual({ phone: '13912345678' });
  });
});
