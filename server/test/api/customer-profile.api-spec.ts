import type { AddressView, MyProfileView, ProductView } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';
import { shopFixtures } from '../support/shop-fixtures';

jest.setTimeout(180_000);

/** The smallest valid PNG (1×1). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const hangzhou = { name: '林一', phone: '13900139000', province: '浙江省', city: '杭州市', district: '西湖区' };

describe("a customer's addresses and profile", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('addresses name a real 省 / 市 / 区', () => {
    it('an address in a real province, city and district is kept', async () => {
      const res = await t.http
        .post('/api/me/addresses')
        .set(await t.customer('cp-real'))
        .send({ ...hangzhou, detail: '文三路 90 号' })
        .expect(201);
      expect(res.body as AddressView).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区' });
    });

    it('a district that is not in that city is refused with ADDRESS_REGION_UNKNOWN and nothing is saved', async () => {
      const auth = await t.customer('cp-wrong');
      const res = await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({ ...hangzhou, district: '浦东新区', detail: '1 号' })
        .expect(400);
      expect(res.body.code).toBe('ADDRESS_REGION_UNKNOWN');
      expect((await t.http.get('/api/me/addresses').set(auth).expect(200)).body).toEqual([]);
    });

    it('changing only the city of an address re-checks the whole region', async () => {
      const auth = await t.customer('cp-edit');
      const address = (
        await t.http
          .post('/api/me/addresses')
          .set(auth)
          .send({ ...hangzhou, detail: '2 号' })
          .expect(201)
      ).body as AddressView;
      const res = await t.http.patch(`/api/me/addresses/${address.id}`).set(auth).send({ city: '宁波市' }).expect(400);
      expect(res.body.code).toBe('ADDRESS_REGION_UNKNOWN');
      await t.http
        .patch(`/api/me/addresses/${address.id}`)
        .set(auth)
        .send({ city: '宁波市', district: '鄞州区' })
        .expect(200);
    });
  });

  it("each SKU on sale carries the member's saving on it, list price − member price, never below 0", async () => {
    const shop = shopFixtures(t);
    const tier = await shop.tier('CP-SAVER', { defaultDiscountBp: 1_500 });
    await shop.product('CP-RICE', 9_800, { memberPrices: { [tier.id]: 7_900 } });
    await shop.product('CP-SALT', 500);
    const body = (
      await t.http
        .get('/api/products?pageSize=100')
        .set(await t.customer('cp-shopper'))
        .expect(200)
    ).body as { items: ProductView[] };
    const skus = body.items.flatMap((product) => product.skus);
    expect(skus.length).toBeGreaterThan(0);
    for (const sku of skus) expect(sku.memberSavingsFen).toBe(Math.max(0, sku.listPriceFen - sku.memberPriceFen));
    for (const product of body.items)
      expect(product.memberSavingsFen).toBe(Math.max(0, ...product.skus.map((sku) => sku.memberSavingsFen)));
  });

  describe('nickname and avatar (头像昵称填写)', () => {
    const profile = async (name: string) =>
      (
        await t.http
          .get('/api/me/profile')
          .set(await t.customer(name))
          .expect(200)
      ).body as MyProfileView;

    it('a customer renames themself; the name is trimmed and only their own profile changes', async () => {
      await t.customer('cp-other');
      const res = await t.http
        .patch('/api/me/profile')
        .set(await t.customer('cp-rename'))
        .send({ nickname: '  小林  ' })
        .expect(200);
      expect(res.body).toEqual({ nickname: '小林', avatarUrl: null });
      expect((await profile('cp-rename')).nickname).toBe('小林');
      expect((await profile('cp-other')).nickname).toBe('cp-other');
    });

    it('a blank or too long nickname is refused with VALIDATION_FAILED', async () => {
      const auth = await t.customer('cp-blank');
      for (const nickname of ['   ', 'x'.repeat(33), 42]) {
        const res = await t.http.patch('/api/me/profile').set(auth).send({ nickname }).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await profile('cp-blank')).nickname).toBe('cp-blank');
    });

    it('an uploaded avatar is stored with the shop pictures and shown on the profile', async () => {
      const res = await t.http
        .post('/api/me/profile/avatar')
        .set(await t.customer('cp-avatar'))
        .set('content-type', 'image/png')
        .send(PNG)
        .expect(201);
      const view = res.body as MyProfileView;
      expect(view.avatarUrl).toMatch(/^\/media\/[0-9a-f]+\.jpg$/);
      const image = await t.http.get(view.avatarUrl!).expect(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect((await profile('cp-avatar')).avatarUrl).toBe(view.avatarUrl);
    });

    it('an avatar that is not a picture is refused with 415, one over 2 MB with 413, and none is kept', async () => {
      const auth = await t.customer('cp-bad-avatar');
      const notImage = await t.http
        .post('/api/me/profile/avatar')
        .set(auth)
        .set('content-type', 'image/jpeg')
        .send(Buffer.from('not an image at all'))
        .expect(415);
      expect(notImage.body.code).toBeDefined();
      await t.http
        .post('/api/me/profile/avatar')
        .set(auth)
        .set('content-type', 'image/png')
        .send(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]))
        .expect(413);
      await t.http.post('/api/me/profile/avatar').set(auth).send({ url: 'https://x/y.png' }).expect(415);
      expect((await profile('cp-bad-avatar')).avatarUrl).toBeNull();
    });

    it('the profile needs a customer login', async () => {
      await t.http.get('/api/me/profile').expect(401);
      await t.http.patch('/api/me/profile').send({ nickname: 'x' }).expect(401);
    });
  });
});
