// Benefits are promises, seen at checkout: a 黑金 member's monthly coupon is applied by the server and the
// member's free shipping shows as a real ¥0 fee, in the H5 storefront against the real server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, formatFen } from './support/api.mjs';
import { launchBrowser, newPhone, open, shot } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const current = (page) => page.locator('.taro_page:visible').last();

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

/** A customer who joined the 黑金 tier (its coupon: ¥50 off from ¥300; free shipping) and has an address. */
async function blackMember(baseUrl) {
  const name = unique('black');
  const { token } = await apiClient(baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  const api = apiClient(baseUrl, token);
  const tiers = await api.get('/api/tiers');
  const black = tiers.find((tier) => tier.code === 'BLACK');
  const { order } = await api.post('/api/orders/membership', { tierId: black.id });
  await api.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);
  await api.post('/api/me/addresses', {
    name: '钱七',
    phone: '13600136000',
    province: '江苏省',
    city: '南京市',
    district: '玄武区',
    detail: '中山路 8 号',
  });
  return { name, token, api };
}

describe('checkout benefits (H5 against the real server)', () => {
  it('a member gets the coupon applied and free shipping at checkout, and pays the server total', async () => {
    const { name, token, api } = await blackMember(server.baseUrl);
    const [coupon] = await api.get('/api/me/coupons');
    assert.equal(coupon.status, 'AVAILABLE');
    const listed = await api.get('/api/products?page=1&pageSize=100');
    const products = Array.isArray(listed) ? listed : listed.items;
    // A basket above the coupon's ¥300 threshold at member prices.
    const product = products.find((p) => p.skus.some((s) => s.stock > 5 && s.priceFen >= 10_000));
    const sku = product.skus.find((s) => s.stock > 5 && s.priceFen >= 10_000);
    const quantity = Math.ceil(coupon.thresholdFen / sku.priceFen);
    const quote = await api.post('/api/orders/quote', { items: [{ skuId: sku.id, quantity }], couponId: coupon.id });
    assert.equal(quote.shippingFen, 0);
    assert.equal(quote.couponDiscountFen, coupon.amountFen);

    const { page, context, problems } = await newPhone(browser);
    try {
      await page.goto(`${server.baseUrl}/h5/`);
      // The session the dev login page leaves behind (Taro H5 storage wraps values as {"data": …}).
      await page.evaluate(
        ([value, devName]) => {
          localStorage.setItem('mc.token', JSON.stringify({ data: value }));
          localStorage.setItem('mc.devName', JSON.stringify({ data: devName }));
        },
        [token, name],
      );
      const checkout = await open(
        page,
        server.baseUrl,
        `/packages/shop/checkout/index?lines=${product.id}.${sku.id}.${quantity}`,
      );
      await checkout.getByText('中山路 8 号', { exact: false }).waitFor();
      const shipping = checkout.locator('[data-testid=checkout-shipping]');
      await shipping.getByText('会员包邮', { exact: false }).waitFor();
      await checkout
        .locator('[data-testid=checkout-coupon]')
        .getByText(`-${formatFen(coupon.amountFen)}`, { exact: false })
        .waitFor();
      const yuan = formatFen(quote.totalFen).replace(/\.00$/, '').replace('¥', '');
      await page.locator('.action-bar').getByText(yuan, { exact: false }).first().waitFor();
      assert.equal(await checkout.locator('[data-testid=upsell]').count(), 0, 'a member is not offered the membership');
      await shot(page, '30-checkout-coupon-free-shipping');

      await checkout
        .locator('taro-button-core')
        .filter({ hasText: /^\s*提交订单\s*$/ })
        .first()
        .click();
      await current(page).getByText('开发模式 · 模拟微信支付').waitFor();
      const orders = await api.get('/api/orders?page=1&pageSize=5');
      const placed = orders.items.find((o) => o.kind === 'PRODUCT');
      assert.equal(placed.totalFen, quote.totalFen);
      assert.equal(placed.couponDiscountFen, coupon.amountFen);
      assert.equal(placed.shippingFen, 0);
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });
});
