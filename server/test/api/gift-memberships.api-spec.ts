import type {
  CreateOrderResponse,
  FinanceReport,
  GiftCodesAdminView,
  GiftMembershipView,
  MembershipResponse,
  MyMembershipView,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;
/** Booting and seeding a database takes long on a loaded machine. */
const BOOT_TIMEOUT = 180_000;
const PRICE = 45_600;

/** Issue #19: a membership bought as a gift yields one code a friend redeems; its money is deferred until then. */
describe('gift memberships', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let tierId: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const admin = await t.staff('admin');
    const created = await t.http
      .post('/api/admin/tiers')
      .set(admin)
      .send({ code: 'GM-GIFT', name: '礼赠年卡', priceFen: PRICE, termMonths: 12 })
      .expect(201);
    await t.http.patch(`/api/admin/tiers/${created.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    tierId = created.body.id;
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    await t?.close();
    await pay?.close();
  });

  const buyGift = async (buyer: string) => {
    const res = await t.http
      .post('/api/orders/membership-gift')
      .set(await t.customer(buyer))
      .send({ tierId })
      .expect(201);
    const { order } = res.body as CreateOrderResponse;
    expect(order).toMatchObject({ status: 'PENDING_PAYMENT', totalFen: PRICE });
    expect(await pay.confirm(order.outTradeNo)).toBe(204);
    return order;
  };
  const myGifts = async (buyer: string) =>
    (
      await t.http
        .get('/api/me/gift-memberships')
        .set(await t.customer(buyer))
        .expect(200)
    ).body as GiftMembershipView[];
  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;
  const redeem = async (name: string, code: string) =>
    t.http
      .post('/api/me/membership-codes/redeem')
      .set(await t.customer(name))
      .send({ code });
  const gifts = async () =>
    (
      await t.http
        .get('/api/admin/membership-codes/gifts')
        .set(await t.staff('finance'))
        .expect(200)
    ).body as GiftCodesAdminView;
  const refund = async (orderId: number) => {
    const res = await t.http
      .post(`/api/admin/orders/${orderId}/refunds`)
      .set(await t.staff('admin'))
      .send({ reason: '礼品退款' });
    expect(res.status).toBe(201);
    if (res.body.status === 'PROCESSING') expect(await pay.completeRefund(res.body.outRefundNo)).toBe(204);
  };
  const month = () =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
      .format(t.clock.now())
      .slice(0, 7);
  const report = async () =>
    (
      await t.http
        .get('/api/admin/finance/report')
        .query({ from: month(), to: month(), tierId })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as FinanceReport;

  it('a paid gift yields one code for the buyer to share, and no term for the buyer', async () => {
    const order = await buyGift('gm-buyer');
    const [gift] = await myGifts('gm-buyer');
    expect(gift).toMatchObject({
      orderId: order.id,
      orderStatus: 'PAID',
      priceFen: PRICE,
      codeStatus: 'ACTIVE',
      redeemedAt: null,
      tier: { id: tierId, name: '礼赠年卡' },
    });
    expect(gift.code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect((await me('gm-buyer')).status).toBe('NONE');
    expect(
      (
        await t.http
          .get('/api/me/gift-memberships')
          .set(await t.customer('gm-stranger'))
          .expect(200)
      ).body,
    ).toEqual([]);
    await t.http
      .get(`/api/me/gift-memberships/${order.id}`)
      .set(await t.customer('gm-stranger'))
      .expect(404);
  });

  it('the fee of a gift is billed and stays deferred until the friend redeems it', async () => {
    const before = (await report()).totals;
    await buyGift('gm-deferred');
    const after = (await report()).totals;
    expect(after.billedFen - before.billedFen).toBe(PRICE);
    expect(after.recognisedFen - before.recognisedFen).toBe(0);
    expect(after.closingDeferredFen - before.closingDeferredFen).toBe(PRICE);
  });

  it('the friend redeems the shared code once; the buyer sees it redeemed', async () => {
    const order = await buyGift('gm-giver');
    const [gift] = (await myGifts('gm-giver')).filter((row) => row.orderId === order.id);
    const res = await redeem('gm-friend', gift.code!);
    expect(res.status).toBe(201);
    expect((res.body as MembershipResponse).membership).toMatchObject({ status: 'ACTIVE', tier: { id: tierId } });
    expect((await redeem('gm-other', gift.code!)).body.code).toBe('CODE_ALREADY_REDEEMED');
    const seen = (await myGifts('gm-giver')).find((row) => row.orderId === order.id)!;
    expect(seen).toMatchObject({ codeStatus: 'REDEEMED', redeemedAt: t.clock.now().toISOString() });
    expect((await me('gm-giver')).status).toBe('NONE');
  });

  it('an unredeemed gift can be refunded: its code is void from then on', async () => {
    const order = await buyGift('gm-regret');
    const [gift] = (await myGifts('gm-regret')).filter((row) => row.orderId === order.id);
    await refund(order.id);
    const seen = (await myGifts('gm-regret')).find((row) => row.orderId === order.id)!;
    expect(seen).toMatchObject({ orderStatus: 'REFUNDED', codeStatus: 'VOID' });
    expect((await redeem('gm-late-friend', gift.code!)).body.code).toBe('CODE_NOT_FOUND');
  });

  it("a redeemed gift refunded in full (nothing used) ends the friend's term, like any membership refund", async () => {
    const order = await buyGift('gm-giver2');
    const [gift] = (await myGifts('gm-giver2')).filter((row) => row.orderId === order.id);
    expect((await redeem('gm-friend2', gift.code!)).status).toBe(201);
    const quote = (
      await t.http
        .get(`/api/admin/orders/${order.id}/refund-quote`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(quote).toMatchObject({ refundableFen: PRICE });
    await refund(order.id);
    expect((await me('gm-friend2')).status).toBe('REVOKED');
  });

  it('a gift never redeemed by its date is shown as breakage, not recognised', async () => {
    const order = await buyGift('gm-forgetful');
    t.clock.advance(366 * DAY);
    const view = await gifts();
    const row = view.rows.find((candidate) => candidate.orderId === order.id)!;
    expect(row).toMatchObject({ status: 'ACTIVE', breakage: true, priceFen: PRICE, buyerNickname: expect.any(String) });
    expect(view.totals.breakageFen).toBeGreaterThanOrEqual(PRICE);
    expect((await redeem('gm-too-late', (await myGifts('gm-forgetful'))[0].code!)).body.code).toBe('CODE_NOT_FOUND');
  });
});
