import {
  BenefitType,
  type AdminProductView,
  type AuditLogView,
  type Page,
  type PriceListPreview,
  type ProductView,
} from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const HEADER = 'SKU编码,商品,规格,原价(元),会员卡编码,会员卡,会员价(元)';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const row = (sku: string, tier: string, price: string) => `${sku},,,,${tier},,${price}`;

describe('price list import and export', () => {
  let t: TestApp;
  let operator: { Authorization: string };
  let memberTier: string;
  let product: AdminProductView;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.staff('operator');
    const f = shopFixtures(t);
    memberTier = (await f.tier('PL-MEMBER', { benefits: [BenefitType.MEMBER_PRICE] })).code;
    await f.member('pl-member', await tierId(memberTier));
    product = (
      await t.http
        .post('/api/admin/products')
        .set(operator)
        .send({
          title: '价目表测试茶叶',
          category: '茶饮',
          skus: [
            { code: 'PL-TEA-A', name: '100g', listPriceFen: 10_000, stock: 50 },
            { code: 'PL-TEA-B', name: '250g', listPriceFen: 20_000, stock: 50 },
          ],
        })
        .expect(201)
    ).body as AdminProductView;
    const [a] = product.skus;
    await t.http
      .put(`/api/admin/skus/${a.id}/member-prices`)
      .set(operator)
      .send({ prices: [{ tierId: await tierId(memberTier), priceFen: 9_000 }] })
      .expect(200);
  });
  afterAll(() => t.close());

  async function tierId(code: string): Promise<number> {
    const tiers = (await t.http.get('/api/admin/tiers').set(operator).expect(200)).body as {
      id: number;
      code: string;
    }[];
    return tiers.find((tier) => tier.code === code)!.id;
  }
  const preview = async (file: string) =>
    (await t.http.post('/api/admin/price-list/preview').set(operator).send({ csv: file }).expect(200))
      .body as PriceListPreview;
  const memberPrices = async () =>
    (
      (await t.http.get(`/api/admin/products/${product.id}`).set(operator).expect(200)).body as AdminProductView
    ).skus.map((sku) => sku.memberPrices);
  const storefrontPrice = async (code: string) => {
    const body = (
      await t.http
        .get('/api/products')
        .set(await t.customer('pl-member'))
        .expect(200)
    ).body as ProductView[] | Page<ProductView>;
    const items = Array.isArray(body) ? body : body.items;
    return items.flatMap((p) => p.skus).find((sku) => sku.code === code)!.priceFen;
  };

  it('exports every SKU × tier in yuan, UTF-8 with BOM, in the import format', async () => {
    const res = await t.http
      .get('/api/admin/price-list/export')
      .set(operator)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain(
      `PL-TEA-A,价目表测试茶叶,100g,100.00,${memberTier},${(await t.http.get('/api/admin/tiers').set(operator)).body.find((x: { code: string }) => x.code === memberTier).name},90.00`,
    );
    // The exported file previews as "nothing to change".
    const again = await preview(text);
    expect(again.canApply).toBe(true);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, removed: 0, invalid: 0 });
  });

  it('previews old → new per row, applies exactly that in one go, audits it, and the storefront price follows', async () => {
    const file = csv(row('PL-TEA-A', memberTier, '85.50'), row('PL-TEA-B', memberTier, '180'));
    const shown = await preview(file);
    expect(shown.canApply).toBe(true);
    expect(shown.rows.map((r) => [r.skuCode, r.oldPriceFen, r.newPriceFen, r.change])).toEqual([
      ['PL-TEA-A', 9_000, 8_550, 'UPDATE'],
      ['PL-TEA-B', null, 18_000, 'ADD'],
    ]);
    expect(await memberPrices()).toEqual([[expect.objectContaining({ priceFen: 9_000 })], []]);

    await t.http.post('/api/admin/price-list/apply').set(operator).send({ csv: file, token: shown.token }).expect(200);
    const applied = await memberPrices();
    expect(applied.map((prices) => prices.map((p) => p.priceFen))).toEqual([[8_550], [18_000]]);
    expect(await storefrontPrice('PL-TEA-A')).toBe(8_550);

    const log = (
      await t.http
        .get('/api/admin/audit-logs')
        .query({ action: 'price_list.import' })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AuditLogView>;
    expect(log.items[0]).toMatchObject({
      staffUsername: 'operator',
      before: [
        { skuCode: 'PL-TEA-A', memberPriceFen: 9_000 },
        { skuCode: 'PL-TEA-B', memberPriceFen: null },
      ],
      after: [
        { skuCode: 'PL-TEA-A', memberPriceFen: 8_550 },
        { skuCode: 'PL-TEA-B', memberPriceFen: 18_000 },
      ],
    });
  });

  it('an empty member price removes the own price (the default discount applies again)', async () => {
    const file = csv(row('PL-TEA-B', memberTier, ''));
    const shown = await preview(file);
    expect(shown.rows[0]).toMatchObject({ oldPriceFen: 18_000, newPriceFen: null, change: 'REMOVE' });
    await t.http.post('/api/admin/price-list/apply').set(operator).send({ csv: file, token: shown.token }).expect(200);
    expect((await memberPrices())[1]).toEqual([]);
  });

  it('names every bad row with its reason, and a file with any bad row applies nothing', async () => {
    const before = await memberPrices();
    const file = csv(
      row('PL-TEA-A', memberTier, '70.00'),
      row('NO-SUCH-SKU', memberTier, '1.00'),
      row('PL-TEA-B', memberTier, '250.00'),
      row('PL-TEA-B', 'NO-SUCH-TIER', '1.00'),
      row('PL-TEA-B', memberTier, '0.00'),
      row('PL-TEA-A', memberTier, '70.001'),
      row('PL-TEA-A', memberTier, '-3'),
      row('PL-TEA-A', memberTier, 'abc'),
    );
    const shown = await preview(file);
    expect(shown.canApply).toBe(false);
    expect(shown.rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [2, []],
      [3, ['UNKNOWN_SKU']],
      [4, ['ABOVE_LIST_PRICE']],
      [5, ['UNKNOWN_TIER']],
      [6, ['BELOW_ONE_FEN', 'DUPLICATE_ROW']],
      [7, ['TOO_MANY_DECIMALS', 'DUPLICATE_ROW']],
      [8, ['BELOW_ONE_FEN', 'DUPLICATE_ROW']],
      [9, ['INVALID_AMOUNT', 'DUPLICATE_ROW']],
    ]);
    expect(shown.summary).toMatchObject({ rows: 8, updated: 1, invalid: 7 });
    const res = await t.http
      .post('/api/admin/price-list/apply')
      .set(operator)
      .send({ csv: file, token: shown.token })
      .expect(400);
    expect(res.body.code).toBe('PRICE_LIST_INVALID');
    expect(await memberPrices()).toEqual(before);
  });

  it('refuses to apply when the file or the prices changed since the preview', async () => {
    const file = csv(row('PL-TEA-A', memberTier, '80.00'));
    const shown = await preview(file);
    const edited = csv(row('PL-TEA-A', memberTier, '60.00'));
    expect(
      (
        await t.http
          .post('/api/admin/price-list/apply')
          .set(operator)
          .send({ csv: edited, token: shown.token })
          .expect(409)
      ).body.code,
    ).toBe('PRICE_LIST_STALE');

    await t.http
      .put(`/api/admin/skus/${product.skus[0].id}/member-prices`)
      .set(operator)
      .send({ prices: [{ tierId: await tierId(memberTier), priceFen: 8_800 }] })
      .expect(200);
    expect(
      (
        await t.http
          .post('/api/admin/price-list/apply')
          .set(operator)
          .send({ csv: file, token: shown.token })
          .expect(409)
      ).body.code,
    ).toBe('PRICE_LIST_STALE');
    expect((await memberPrices())[0]).toEqual([expect.objectContaining({ priceFen: 8_800 })]);
  });

  it('a file without the key columns is refused as a whole', async () => {
    const res = await t.http
      .post('/api/admin/price-list/preview')
      .set(operator)
      .send({ csv: 'sku,price\nA,1' })
      .expect(400);
    expect(res.body.code).toBe('PRICE_LIST_INVALID');
  });

  it('only catalogue writers import price lists; finance may read the export', async () => {
    for (const role of ['finance', 'support'] as const) {
      await t.http
        .post('/api/admin/price-list/preview')
        .set(await t.staff(role))
        .send({ csv: HEADER })
        .expect(403);
    }
    await t.http
      .get('/api/admin/price-list/export')
      .set(await t.staff('support'))
      .expect(403);
    await t.http
      .get('/api/admin/price-list/export')
      .set(await t.staff('finance'))
      .expect(200);
  });
});
