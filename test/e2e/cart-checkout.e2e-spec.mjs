// A cart of several lines is checked out on H5: three products added from their pages, 去结算 from the cart,
// the member's coupon and the shop's shipping fee applied by the server, then paid in the dev simulator.
// Every fixture (products, a tier whose only benefit is a coupon, the shipping fee, the member) is built here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, formatFen } from './support/api.mjs';
import { launchBrowser, newPhone, open, shot } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const current = (page) => page.locator('.taro_page:visible').last();
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const press = (view, label) =>
  view
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) })
    .first()
    .click();

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Three named products, a ¥12 flat shipping fee (free only from ¥5,000) and a tier whose benefit is a ¥30-off-¥200 coupon. */
async function shopFixtures(baseUrl) {
  const { token } = await apiClient(baseUrl).post('/api/admin/auth/login', { username: 'admin', password: 'admin123' });
  const admin = apiClient(baseUrl, token);
  const tag = unique('cart');
  const product = async (title, code, listPriceFen) =>
    admin.post('/api/admin/products', {
      title: `${title} ${tag}`,
      category: '购物车测试',
      onSale: true,
      skus: [
        { code: `${code}-${tag}`.toUpperCase().replace(/[^A-Z0-9]/g, '-'), name: '标准装', listPriceFen, stock: 50 },
      ],
    });
  const products = [
    await product('明前龙井', 'TEA', 8_800),
    await product('百花蜂蜜', 'HONEY', 6_600),
    await product('五常大米', 'RICE', 12_000),
  ];
  await admin.put('/api/admin/shipping-policy', { flatFeeFen: 1_200, freeAboveFen: 500_000 });
  const coupon = await admin.post('/api/admin/benefits', {
    type: 'COUPON',
    title: `满200减30 ${tag}`,
    config: { amountFen: 3_000, thresholdFen: 20_000, validDays: 30, perMonth: false, quantity: 1 },
  });
  const tier = await admin.post('/api/admin/tiers', {
    code: `CART${Date.now().toString(36).toUpperCase()}`,
    name: `购物车卡 ${tag}`,
    priceFen: 9_900,
    termMonths: 12,
    benefitIds: [coupon.id],
  });
  await admin.patch(`/api/admin/tiers/${tier.id}`, { status: 'ACTIVE' });
  return { products, tier };
}

/** A member of that tier, holding its coupon, with an address. */
async function memberWithCoupon(baseUrl, tierId) {
  const name = unique('cart-member');
  const { token } = await apiClient(baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  const api = apiClient(baseUrl, token);
  const { order } = await api.post('/api/orders/membership', { tierId });
  await api.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);
  await api.post('/api/me/addresses', {
    name: '孙八',
    phone: '13500135000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 9 号',
  });
  return { name, token, api };
}

describe('cart checkout (H5 against the real server)', () => {
  it('a three-line cart is checked out with a coupon and shipping, and paid at the server total', async () => {
    const { products, tier } = await shopFixtures(server.baseUrl);
    const { name, token, api } = await memberWithCoupon(server.baseUrl, tier.id);
    const [coupon] = await api.get('/api/me/coupons');
    assert.equal(coupon.status, 'AVAILABLE');
    const items = products.map((p) => ({ skuId: p.skus[0].id, quantity: 1 }));
    const quote = await api.post('/api/orders/quote', { items, couponId: coupon.id });
    assert.equal(quote.shippingFen, 1_200);
    assert.equal(quote.couponDiscountFen, 3_000);

    const { page, context, problems } = await newPhone(browser);
    try {
      await page.goto(`${server.baseUrl}/h5/`);
      await page.evaluate(
        ([value, devName]) => {
          localStorage.setItem('mc.token', JSON.stringify({ data: value }));
          localStorage.setItem('mc.devName', JSON.stringify({ data: devName }));
          localStorage.removeItem('mc.cart');
        },
        [token, name],
      );
      for (const product of products) {
        const view = await open(page, server.baseUrl, `/packages/shop/product/index?id=${product.id}`);
        await view.getByText(product.title).first().waitFor();
        await press(view, '加入购物车');
      }
      const cart = await open(page, server.baseUrl, '/pages/cart/index');
      for (const product of products) await cart.getByText(product.title).first().waitFor();
      await shot(page, '40-cart-three-lines');
      await press(page.locator('.action-bar:visible'), '去结算');

      const checkout = current(page);
      await checkout.getByText('文三路 9 号', { exact: false }).waitFor();
      for (const product of products) await checkout.getByText(product.title).first().waitFor();
      await checkout.locator('[data-testid=checkout-shipping]').getByText(formatFen(1_200), { exact: false }).waitFor();
      await checkout
        .locator('[data-testid=checkout-coupon]')
        .getByText(`-${formatFen(3_000)}`, { exact: false })
        .waitFor();
      const yuan = formatFen(quote.totalFen).replace(/\.00$/, '').replace('¥', '');
      await page.locator('.action-bar:visible').getByText(yuan, { exact: false }).first().waitFor();
      await shot(page, '41-cart-checkout-coupon-shipping');

      await press(checkout, '提交订单');
      const pay = current(page);
      await pay.getByText('开发模式 · 模拟微信支付').waitFor();
      await pay.getByText(formatFen(quote.totalFen)).waitFor();
      await press(pay, '确认支付');
      await current(page).getByText('支付成功').waitFor({ timeout: 20_000 });
      await shot(page, '42-cart-paid');

      const orders = await api.get('/api/orders?page=1&pageSize=5');
      const placed = orders.items.find((o) => o.kind === 'PRODUCT');
      assert.equal(placed.status, 'PAID');
      assert.equal(placed.totalFen, quote.totalFen);
      assert.equal(placed.shippingFen, 1_200);
      assert.equal(placed.couponDiscountFen, 3_000);
      const detail = await api.get(`/api/orders/${placed.id}`);
      assert.deepEqual(
        detail.lines.map((l) => l.skuId).sort((a, b) => a - b),
        items.map((i) => i.skuId).sort((a, b) => a - b),
      );
      assert.equal((await api.get('/api/me/coupons'))[0].status, 'USED');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } catch (error) {
      await shot(page, '4x-cart-checkout-failed').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
