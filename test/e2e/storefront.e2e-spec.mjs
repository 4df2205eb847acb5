// Storefront end to end: the H5 build (served by the real server at /h5/) driven in headless Chromium
// against a fresh SQLite database and the dev WeChat simulator. Screenshots of every page go to
// test/e2e/screenshots/ (git-ignored). Run: node test/e2e/run.mjs (builds first) or
// node --test test/e2e/storefront.e2e-spec.mjs (uses the existing builds).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, formatFen, shopDate } from './support/api.mjs';
import { launchBrowser, newPhone, open, shot, storedToken } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const R = {
  home: '/pages/home/index',
  membership: '/pages/membership/index',
  cart: '/pages/cart/index',
  profile: '/pages/profile/index',
  orders: '/packages/account/orders/index',
  addresses: '/packages/account/addresses/index',
  giftPacks: '/packages/member/gift-packs/index',
  devLogin: '/packages/dev/login/index',
};

const DAY = 86_400_000;
const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The page the user sees now: Taro H5 keeps earlier pages in the DOM, hidden. */
const current = (page) => page.locator('.taro_page:visible').last();

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Taps a NutUI button by its label (its inner text node does not take pointer events). */
function press(view, label, { exact = true } = {}) {
  const text = exact ? new RegExp(`^\\s*${escape(label)}\\s*$`) : label;
  return view.locator('taro-button-core').filter({ hasText: text }).first().click();
}

async function devLogin(page, baseUrl, name) {
  const view = await open(page, baseUrl, R.devLogin);
  await view.locator('input[placeholder*="输入用户名"]').fill(name);
  await shot(page, '01-dev-login');
  await press(view, '模拟微信登录');
  await page.waitForFunction(() => Boolean(localStorage.getItem('mc.token')));
  await page.waitForURL(/pages\/home\/index/);
  await page.locator('.taro_page[id^="/pages/home/index"]:visible').last().waitFor();
}

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

describe('storefront (H5 against the real server)', () => {
  it('a non-member sees list prices, the member price and the "members save ¥X" upsell', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      await devLogin(page, server.baseUrl, unique('guest'));
      const { items: products } = await apiClient(server.baseUrl).get('/api/products');
      const headline = (p) => [...p.skus].sort((a, b) => a.priceFen - b.priceFen)[0];
      const upsold = products.find((p) => headline(p).memberSavingsFen > 0);
      assert.ok(upsold, 'the demo catalogue has a product with member savings');

      const home = current(page);
      await home.getByText('开通付费会员').waitFor();
      const card = home.locator('[data-testid=product-card]', { hasText: upsold.title });
      await card.waitFor();
      // The claim is the saving of the SKU whose prices the card shows, as the server computed it.
      await card.getByText(`会员省 ${formatFen(headline(upsold).memberSavingsFen)}`).waitFor();
      await assert.doesNotReject(card.getByText('会员价', { exact: false }).first().waitFor());
      await shot(page, '02-home-guest');

      await card.click();
      const detail = current(page);
      await detail.getByText('开通会员，本件立省', { exact: false }).waitFor();
      const sku = [...upsold.skus].sort((a, b) => a.priceFen - b.priceFen)[0];
      await detail
        .getByText(`会员价 ${formatFen(sku.memberPriceFen)}`)
        .first()
        .waitFor();
      await shot(page, '03-product-guest');

      await (await open(page, server.baseUrl, R.membership)).getByText('选择会员卡').waitFor();
      await shot(page, '04-membership-guest');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('the home feed shows 20 products and loads the next 20 when scrolled to the end', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      await devLogin(page, server.baseUrl, unique('scroller'));
      const { total } = await apiClient(server.baseUrl).get('/api/products');
      assert.ok(total > 20, 'the demo catalogue has more than one page');
      const home = current(page);
      const cards = home.locator('[data-testid=product-card]');
      await cards.nth(19).waitFor();
      assert.equal(await cards.count(), 20);
      await home.getByText('上拉加载更多').waitFor();
      // Taro H5 scrolls the page element, not the window: its scroll to the end is the "reach bottom".
      await home.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await cards.nth(total - 1).waitFor();
      assert.equal(await cards.count(), Math.min(total, 40));
      await home.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      if (total <= 40) await home.getByText('没有更多了').waitFor();
      await shot(page, '02b-home-second-page');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('a new customer joins the 1000元 tier (its gift packs shown), pays in the simulator and buys at member price', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      const name = unique('joiner');
      await devLogin(page, server.baseUrl, name);
      const token = await storedToken(page);
      assert.ok(token, 'logged in and token stored');
      const api = apiClient(server.baseUrl, token);

      const tiers = await api.get('/api/tiers');
      const tier = tiers.find((t) => t.priceFen === 100_000);
      assert.ok(tier, 'a 1000元 tier is on sale');
      const pack = tier.giftPacks.filter((g) => g.inStock).at(-1);

      // Membership centre → the 1000元 card → join page.
      const centre = await open(page, server.baseUrl, R.membership);
      const tierCard = centre.locator('[data-testid=tier-card]', { hasText: tier.name }).first();
      await press(tierCard, '立即开通', { exact: false });
      const join = current(page);
      await join.getByText('确认订单', { exact: true }).waitFor();
      if (pack) await join.getByTestId('gift-pack-option').filter({ hasText: pack.name }).first().waitFor();
      await shot(page, '05-join');
      await press(join, '确认支付');

      // Dev WeChat simulator pay page.
      const pay = current(page);
      await pay.getByText('开发模式 · 模拟微信支付').waitFor();
      await pay.getByText(formatFen(tier.priceFen)).waitFor();
      await shot(page, '06-simulator-pay-membership');
      await press(pay, '确认支付');

      // Success page: the server's term end, about a term from now.
      const success = current(page);
      await success.getByText('开通成功').waitFor({ timeout: 20_000 });
      const membership = await api.get('/api/me/membership');
      assert.equal(membership.status, 'ACTIVE');
      assert.equal(membership.tier.id, tier.id);
      const expectedEnd = tier.termMonths
        ? new Date(new Date().setMonth(new Date().getMonth() + tier.termMonths))
        : new Date(Date.now() + tier.termDays * DAY);
      assert.ok(
        Math.abs(new Date(membership.termEnd).getTime() - expectedEnd.getTime()) < 2 * DAY,
        `term ends about one term from now (got ${membership.termEnd})`,
      );
      await success.getByText(shopDate(membership.termEnd)).waitFor();

      // Subscribe-message consent for renewal reminders (the dev simulator answers with a modal).
      await press(success, '订阅续费提醒');
      await page.getByText('允许', { exact: true }).click();
      await success.getByText('已订阅续费提醒', { exact: false }).first().waitFor();
      await shot(page, '07-join-success');

      if (pack) {
        // The pack is chosen after paying, with its address: the success page says so and links there.
        const next = success.getByTestId('join-gift-next');
        await next.waitFor();
        assert.equal(await next.getAttribute('data-status'), 'CLAIMABLE');
      }

      // Membership centre now shows the member's own view.
      const centre2 = await open(page, server.baseUrl, R.membership);
      await centre2.locator('[data-testid=member-summary]').waitFor();
      await centre2.getByText(shopDate(membership.termEnd)).first().waitFor();
      await centre2.getByText(`${membership.daysLeft} 天`, { exact: true }).waitFor();
      await shot(page, '08-membership-member');

      // Home shows member prices.
      const { items: products } = await api.get('/api/products');
      const product = products.find((p) => p.skus.some((s) => s.memberPriceFen < s.listPriceFen && s.stock > 0));
      assert.ok(product, 'a product with a member price');
      const sku = [...product.skus].sort((a, b) => a.priceFen - b.priceFen)[0];
      assert.equal(sku.priceFen, sku.memberPriceFen, 'the server prices a member at the member price');
      const home = await open(page, server.baseUrl, R.home);
      await home.locator('[data-testid=member-banner]', { hasText: tier.name }).waitFor();
      const card = home.locator('[data-testid=product-card]', { hasText: product.title });
      await card.getByText(formatFen(sku.memberPriceFen), { exact: true }).first().waitFor();
      await card.getByText('会员价', { exact: true }).waitFor();
      await shot(page, '09-home-member');

      // Product detail → buy now → checkout (add an address first) → pay → result.
      await card.click();
      const detail = current(page);
      await detail.getByText('立即购买', { exact: true }).waitFor();
      await detail.getByText(formatFen(sku.memberPriceFen), { exact: true }).first().waitFor();
      await shot(page, '10-product-member');
      await press(detail, '立即购买');

      let checkout = current(page);
      await checkout.getByText('添加收货地址').click();
      const form = current(page);
      await form.locator('input[placeholder*="姓名"]').fill('张三');
      await form.locator('input[placeholder*="11 位手机号"]').fill('13800138000');
      await form.getByTestId('region-field').click();
      for (const region of ['浙江省', '杭州市', '西湖区']) {
        await page
          .locator('.nut-cascader-item', { hasText: new RegExp(`^\\s*${region}\\s*$`) })
          .first()
          .click();
      }
      await form.getByText('浙江省 杭州市 西湖区').waitFor();
      await form.locator('input[placeholder*="街道、楼牌号等"]').fill('文三路 100 号');
      await shot(page, '11-address-edit');
      await press(form, '保存地址');

      checkout = current(page);
      await checkout.getByText('文三路 100 号', { exact: false }).waitFor();
      await checkout.getByText(formatFen(sku.memberPriceFen), { exact: true }).first().waitFor();
      await shot(page, '12-checkout');
      await press(checkout, '提交订单');

      const pay2 = current(page);
      await pay2.getByText('开发模式 · 模拟微信支付').waitFor();
      await pay2.getByText(formatFen(sku.memberPriceFen)).waitFor();
      await shot(page, '13-simulator-pay-product');
      await press(pay2, '确认支付');

      const result = current(page);
      await result.getByText('支付成功').waitFor({ timeout: 20_000 });
      await shot(page, '14-order-result');

      const { items } = await api.get('/api/orders?page=1&pageSize=20');
      const bought = items.find((o) => o.kind === 'PRODUCT');
      assert.ok(bought, 'the product order exists');
      assert.equal(bought.status, 'PAID');
      assert.equal(bought.totalFen, sku.memberPriceFen, 'charged the member price');
      assert.equal(bought.pricedAsTierId, tier.id, 'priced as the new tier');

      // My orders lists it; its detail shows the member saving.
      const orders = await open(page, server.baseUrl, R.orders);
      const row = orders.locator(`[data-testid=order-card][data-order-id="${bought.id}"]`);
      await row.getByText('已支付').waitFor();
      await shot(page, '15-orders');
      await row.click();
      const detailPage = current(page);
      await detailPage.getByText(bought.outTradeNo).waitFor();
      await detailPage.getByText('会员优惠').waitFor();
      await shot(page, '16-order-detail');

      // The remaining pages, for the screenshot set.
      await (await open(page, server.baseUrl, R.giftPacks))
        .locator('.page-state--loading')
        .waitFor({ state: 'detached' });
      await shot(page, '17-gift-packs');
      await (await open(page, server.baseUrl, R.addresses)).getByText('张三', { exact: false }).waitFor();
      await shot(page, '18-addresses');
      await (await open(page, server.baseUrl, R.profile)).getByText(name).waitFor();
      await shot(page, '19-profile');

      await press(await open(page, server.baseUrl, `/packages/shop/product/index?id=${product.id}`), '加入购物车');
      await (await open(page, server.baseUrl, R.cart)).getByText(product.title).waitFor();
      await shot(page, '20-cart');

      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('a payment cancelled in the simulator leaves the order unpaid, and it can be cancelled', async () => {
    const { page, context } = await newPhone(browser);
    try {
      await devLogin(page, server.baseUrl, unique('canceller'));
      const api = apiClient(server.baseUrl, await storedToken(page));
      const tier = (await api.get('/api/tiers')).find((t) => t.priceFen === 100_000);
      await press(await open(page, server.baseUrl, `/packages/member/join/index?tierId=${tier.id}`), '确认支付');
      const pay = current(page);
      await press(pay, '取消支付');
      const pending = current(page);
      await pending.getByText('尚未完成支付').waitFor();
      await shot(page, '21-payment-cancelled');
      await press(pending, '取消订单');
      await page.getByText('取消订单', { exact: true }).last().click(); // the confirm modal's button
      await current(page).getByText('订单已关闭').waitFor();
      const membership = await api.get('/api/me/membership');
      assert.notEqual(membership.status, 'ACTIVE', 'no membership without payment');
    } finally {
      await context.close();
    }
  });

  it('the seeded demo member sees the in-app renewal notice exactly when the term ends within 30 days', async () => {
    const { page, context } = await newPhone(browser);
    try {
      await devLogin(page, server.baseUrl, 'demo-member');
      const membership = await apiClient(server.baseUrl, await storedToken(page)).get('/api/me/membership');
      assert.equal(membership.status, 'ACTIVE', 'demo-member is an active member');
      const home = current(page);
      await home.locator('[data-testid=member-banner]', { hasText: membership.tier.name }).waitFor();
      const notice = home.locator('[data-testid=renewal-notice]');
      if (membership.daysLeft <= 30) {
        await notice.getByText('立即续费').waitFor();
      } else {
        await page.waitForTimeout(500);
        assert.equal(await notice.count(), 0, 'no renewal notice while more than 30 days are left');
      }
      await shot(page, '22-home-demo-member');
      await (await open(page, server.baseUrl, R.membership)).locator('[data-testid=member-summary]').waitFor();
      await shot(page, '23-membership-demo-member');
    } finally {
      await context.close();
    }
  });
});
