import type { AddressView, CreateOrderResponse, MyGiftPacksView, OrderView, TierView } from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** The welcome gift is chosen after joining: a pack with its contents, an address the member owns, then a claim. */
describe('choosing the welcome gift pack with its address', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let annual: TierView;
  let otherTierPackId: number;
  /** The annual tier's welcome packs: two jars of tea at 68 元, or three of honey at 45 元. */
  const welcomeContents = [
    { title: '龙井茶', unitValueFen: 6_800, quantity: 2 },
    { title: '槐花蜜', unitValueFen: 4_500, quantity: 3 },
  ];
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const shop = shopFixtures(t, (outTradeNo) => pay.confirm(outTradeNo));
    const welcomePacks: number[] = [];
    for (const [i, { title, unitValueFen, quantity }] of welcomeContents.entries()) {
      const product = await shop.product(`GC-WELCOME-${i}`, unitValueFen, { title });
      welcomePacks.push(
        await shop.giftPack(`${title}礼`, [{ skuId: product.skuId, quantity }], unitValueFen * quantity),
      );
    }
    const wine = await shop.product('GC-WINE', 30_000, { title: '红酒' });
    otherTierPackId = await shop.giftPack('酒礼', [{ skuId: wine.skuId, quantity: 1 }], 30_000);
    const annualTier = await shop.tier('GC_ANNUAL', { giftPackIds: welcomePacks });
    await shop.tier('GC_BLACK', { priceFen: 300_000, giftPackIds: [otherTierPackId] });
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    annual = tiers.find((tier) => tier.id === annualTier.id)!;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const joinWithoutGift = async (name: string) => {
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: annual.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(bought.order.outTradeNo);
  };
  const gifts = async (name: string) =>
    (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
  const addAddress = async (name: string, detail = '文三路 90 号') =>
    (
      await t.http
        .post('/api/me/addresses')
        .set(await t.customer(name))
        .send({ name: '林一', phone: '13900139000', province: '浙江省', city: '杭州市', district: '西湖区', detail })
        .expect(201)
    ).body as AddressView;
  const claim = async (name: string, body: Record<string, unknown>, status?: number) => {
    const res = await t.http
      .post('/api/me/gift-packs/claim')
      .set(await t.customer(name))
      .send(body);
    if (status) expect(res.status).toBe(status);
    return res;
  };
  const welcomeOf = async (name: string) => (await gifts(name)).claimable.find((gift) => gift.source === 'WELCOME')!;

  it('each pack offered shows its contents: items with quantities, their value and pictures', async () => {
    const name = 'gc-contents';
    await joinWithoutGift(name);
    const welcome = await welcomeOf(name);
    expect(welcome.options.length).toBeGreaterThan(0);
    for (const pack of welcome.options) {
      expect(pack.items?.length).toBeGreaterThan(0);
      for (const item of pack.items ?? []) {
        expect(item.quantity).toBeGreaterThan(0);
        expect(item.productTitle).not.toBe('');
        expect(item.unitValueFen).toBeGreaterThan(0);
        expect(Array.isArray(item.images)).toBe(true);
      }
      expect(pack.contentsValueFen).toBe(
        (pack.items ?? []).reduce((sum, item) => sum + item.unitValueFen * item.quantity, 0),
      );
    }
  });

  it('the tiers on sale list what each welcome pack holds, so the join page can show it', async () => {
    expect(annual.giftPacks.map((pack) => pack.items)).toEqual(
      expect.arrayContaining(
        welcomeContents.map(({ unitValueFen, quantity }) => [expect.objectContaining({ quantity, unitValueFen })]),
      ),
    );
    expect(annual.giftPacks.map((pack) => pack.contentsValueFen).sort((a, b) => a! - b!)).toEqual(
      welcomeContents.map(({ unitValueFen, quantity }) => unitValueFen * quantity).sort((a, b) => a - b),
    );
  });

  it('a claim without any address on file is refused with ADDRESS_REQUIRED and creates no gift order', async () => {
    const name = 'gc-no-address';
    await joinWithoutGift(name);
    const welcome = await welcomeOf(name);
    const res = await claim(name, { source: 'WELCOME', termId: welcome.termId, giftPackId: welcome.options[0].id });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ADDRESS_REQUIRED');
    const after = await gifts(name);
    expect(after.orders).toHaveLength(0);
    expect(after.welcome?.status).toBe('CLAIMABLE');
  });

  it('the gift order ships to the address the member chose, not the default one', async () => {
    const name = 'gc-chosen';
    await joinWithoutGift(name);
    await addAddress(name, '默认地址 1 号');
    const chosen = await addAddress(name, '礼包寄到这里 8 号');
    const welcome = await welcomeOf(name);
    const pack = welcome.options.find((option) => option.inStock)!;
    const res = await claim(
      name,
      {
        source: 'WELCOME',
        termId: welcome.termId,
        giftPackId: pack.id,
        addressId: chosen.id,
      },
      201,
    );
    const order = res.body as OrderView;
    expect(order.kind).toBe('GIFT');
    expect(order.address).toMatchObject({ detail: '礼包寄到这里 8 号', district: '西湖区' });
    expect((await gifts(name)).welcome).toMatchObject({ status: 'CLAIMED', orderId: order.id });
  });

  it("another customer's address is refused with ADDRESS_NOT_FOUND", async () => {
    const name = 'gc-foreign';
    await joinWithoutGift(name);
    await addAddress(name);
    const foreign = await addAddress('gc-stranger');
    const welcome = await welcomeOf(name);
    const res = await claim(name, {
      source: 'WELCOME',
      termId: welcome.termId,
      giftPackId: welcome.options[0].id,
      addressId: foreign.id,
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ADDRESS_NOT_FOUND');
    expect((await gifts(name)).orders).toHaveLength(0);
  });

  it("a pack that is not one of the term's tier options is refused with GIFT_PACK_NOT_OFFERED", async () => {
    const name = 'gc-other-tier';
    await joinWithoutGift(name);
    const address = await addAddress(name);
    const welcome = await welcomeOf(name);
    const res = await claim(name, {
      source: 'WELCOME',
      termId: welcome.termId,
      giftPackId: otherTierPackId,
      addressId: address.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('GIFT_PACK_NOT_OFFERED');
  });

  it('the welcome gift is claimed once per term: a second claim is refused with GIFT_ALREADY_CLAIMED', async () => {
    const name = 'gc-twice';
    await joinWithoutGift(name);
    const address = await addAddress(name);
    const welcome = await welcomeOf(name);
    const body = {
      source: 'WELCOME',
      termId: welcome.termId,
      giftPackId: welcome.options[0].id,
      addressId: address.id,
    };
    await claim(name, body, 201);
    const again = await claim(name, body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('GIFT_ALREADY_CLAIMED');
    expect((await gifts(name)).orders).toHaveLength(1);
  });

  it('a pack that ran out is refused with OUT_OF_STOCK and the claim stays open', async () => {
    const name = 'gc-sold-out';
    await joinWithoutGift(name);
    const address = await addAddress(name);
    const welcome = await welcomeOf(name);
    const pack = welcome.options[0];
    await t.http
      .patch(`/api/admin/gift-packs/${pack.id}`)
      .set(await t.staff('admin'))
      .send({ stock: 0 })
      .expect(200);
    const res = await claim(name, {
      source: 'WELCOME',
      termId: welcome.termId,
      giftPackId: pack.id,
      addressId: address.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('OUT_OF_STOCK');
    const after = await gifts(name);
    expect(after.welcome?.status).toBe('CLAIMABLE');
    expect(
      after.claimable.find((gift) => gift.source === 'WELCOME')!.options.find((o) => o.id === pack.id)!.inStock,
    ).toBe(false);
  });
});
