// The console speaks to staff, not developers: every admin page (and the drawers its list rows open) as each
// staff role at 1440×900, with data built through the API, fails on developer text shown to staff — an English
// sentence, a raw error or enum code, an internal id ("#97"), a template key (thing1, {tierName}), a raw page path
// or an audit action key. Typical failing actions show the Chinese text of their code.
// Screenshots: test/e2e/screenshots/words-*.png (git-ignored).
// Run (after building shared, server and admin):  node --test test/e2e/console-words.e2e-spec.mjs
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, screenshotDir } from './support/browser.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { developerText } from './support/developer-text.mjs';

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

const ROLES = [
  ['admin', 'admin123'],
  ['operator', 'operator123'],
  ['finance', 'finance123'],
  ['support', 'support123'],
];

/** Every route path of the console, read from admin/src/routes.tsx (so a new page is walked without editing this). */
function consoleRoutes() {
  const source = readFileSync(join(repoRoot, 'admin/src/routes.tsx'), 'utf8');
  const block = source.slice(source.indexOf('export const PATHS'), source.indexOf('} as const'));
  return [...block.matchAll(/(\w+): '([^']+)'/g)]
    .map(([, name, path]) => ({ name, path }))
    .filter(({ name }) => name !== 'login');
}

async function newDesktop() {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

async function shot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screenshotDir, `words-${name}.png`) });
}

async function login(page, username, password) {
  await page.goto(`${server.baseUrl}/admin/`);
  await page.waitForURL(/#\/login/);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(`你好，${username}`).waitFor();
}

/** Waits for a page to settle: no antd spinner left, then a short pause for late renders. */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, null, { timeout: 8000 })
    .catch(() => undefined);
  await page.waitForTimeout(250);
}

/** What staff can read right now: the page's text plus tooltips and placeholders. */
function visibleText(page) {
  return page.evaluate(() => {
    const extra = [...document.querySelectorAll('[title],[placeholder]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => `${el.getAttribute('title') ?? ''} ${el.getAttribute('placeholder') ?? ''}`);
    return `${document.body.innerText}\n${extra.join('\n')}`;
  });
}

async function staffApi(username, password) {
  const { token } = await apiClient(server.baseUrl).post('/api/admin/auth/login', { username, password });
  return apiClient(server.baseUrl, token);
}

async function customerApi(name) {
  const { token } = await apiClient(server.baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  return apiClient(server.baseUrl, token);
}

const itemsOf = (body) => (Array.isArray(body) ? body : body.items);

/** Data every list shows a row of: a shipped product order, a paid unshipped one, an after-sales request, a refused refund. */
async function buildData() {
  const admin = await staffApi('admin', 'admin123');
  const customer = await customerApi(`words-${Date.now().toString(36)}`);
  const address = await customer.post('/api/me/addresses', {
    name: '林小满',
    phone: '13900139001',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 1 号',
  });
  const sku = itemsOf(await customer.get('/api/products?page=1&pageSize=50'))
    .flatMap((p) => p.skus)
    .find((s) => s.stock > 10);
  const buy = async () => {
    const { order } = await customer.post('/api/orders', {
      items: [{ skuId: sku.id, quantity: 1 }],
      addressId: address.id,
    });
    await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);
    return order;
  };
  const shipped = await buy();
  await admin.post(`/api/admin/orders/${shipped.id}/ship`, { carrier: 'SF', trackingNo: 'SF1234567890' });
  const paid = await buy();
  const { order: unpaid } = await customer.post('/api/orders', {
    items: [{ skuId: sku.id, quantity: 1 }],
    addressId: address.id,
  });
  await customer
    .post(`/api/orders/${shipped.id}/after-sales`, {
      type: 'RETURN_REFUND',
      reason: '尺码不合适',
      description: '想退货',
    })
    .catch(() => undefined);
  return { admin, customer, shipped, paid, unpaid, buy };
}

describe('the console speaks to staff, not developers', () => {
  let data;
  before(async () => {
    data = await buildData();
    // A refund WeChat Pay refuses: the demo seed's orders were never paid at the simulator (ORDER_NOT_EXIST).
    const orders = itemsOf(await data.admin.get('/api/admin/orders?page=1&pageSize=50&status=PAID'));
    const seeded = orders.find((o) => o.kind === 'PRODUCT' && o.customerNickname !== undefined) ?? orders[0];
    if (seeded)
      await data.admin
        .post(`/api/admin/orders/${seeded.id}/refunds`, { amountFen: 1, reason: '测试' })
        .catch(() => undefined);
  });

  for (const [username, password] of ROLES) {
    it(`every page ${username} may open shows business words only`, async () => {
      const { context, page, problems } = await newDesktop();
      const findings = [];
      try {
        await login(page, username, password);
        for (const route of consoleRoutes()) {
          // A fresh load per page: a hash change alone can leave the previous page shown while the next chunk loads.
          await page.goto('about:blank');
          await page.goto(`${server.baseUrl}/admin/#${route.path}`);
          await settle(page);
          if (await page.getByText('无权访问').count()) continue;
          const where = `${username} ${route.path}`;
          for (const hit of developerText(await visibleText(page))) findings.push(`${where}: ${hit}`);
          await shot(page, `${username}${route.path.replace(/\//g, '-') || '-dashboard'}`);
          // Detail drawers reachable from the first rows of a list.
          const details = page.locator('.ant-table-row').getByRole('button', { name: /^(详\s*情|查\s*看)$/ });
          const count = Math.min(await details.count(), 2);
          for (let i = 0; i < count; i++) {
            await details.nth(i).click();
            await settle(page);
            for (const hit of developerText(await visibleText(page)))
              findings.push(`${where} (row ${i + 1} detail): ${hit}`);
            await shot(page, `${username}${route.path.replace(/\//g, '-')}-detail-${i + 1}`);
            await page.keyboard.press('Escape');
            await page.waitForTimeout(300);
          }
          // 客户详情, opened from a member's name.
          const name = page.locator('.ant-table-row').getByTestId('member-name').first();
          if (await name.count()) {
            await name.click();
            await settle(page);
            for (const hit of developerText(await visibleText(page)))
              findings.push(`${where} (customer profile): ${hit}`);
            await shot(page, `${username}${route.path.replace(/\//g, '-')}-customer-profile`);
            await page.keyboard.press('Escape');
            await page.waitForTimeout(300);
          }
        }
        assert.deepEqual(findings, []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it('a refund WeChat Pay refuses, done on screen, is explained in Chinese in the toast and the order drawer', async () => {
    // A fresh order (no earlier refund queues this one a minute) whose refunds the simulator's merchant balance
    // cannot pay: WeChat Pay answers NOT_ENOUGH.
    const order = await data.buy();
    await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${order.outTradeNo}/refuse-refunds`);
    const { context, page, problems } = await newDesktop();
    const findings = [];
    const check = async (where) => {
      for (const hit of developerText(await visibleText(page))) findings.push(`${where}: ${hit}`);
    };
    try {
      await login(page, 'admin', 'admin123');
      await page.goto(`${server.baseUrl}/admin/#/orders`);
      await settle(page);
      await page.getByTestId('order-search').fill(order.outTradeNo);
      await page.getByTestId('order-search').press('Enter');
      const row = page.locator('.ant-table-row', { hasText: order.outTradeNo });
      await row.getByRole('button', { name: /^详\s*情$/ }).click();
      const drawer = page.locator('.ant-drawer-content:visible');
      await drawer.getByTestId('order-refund-button').click();
      const modal = page.locator('.ant-modal-content:visible');
      await modal.getByTestId('refund-quote').waitFor();
      await modal.getByLabel('原因').fill('顾客不想要了');
      await modal.getByRole('button', { name: /^退\s*款$/ }).click();
      await page.locator('.ant-modal-confirm:visible').getByRole('button', { name: '确认退款' }).click();
      // WeChat Pay's answer may take a while on a busy machine; the toast then stays 3 s.
      const toast = page.locator('.ant-message-notice', { hasText: '微信支付拒绝退款' });
      await toast.waitFor({ timeout: 60_000 });
      await check('refund refusal toast');
      await shot(page, 'refund-refused-toast');
      await page
        .locator('.ant-modal-content:visible')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await settle(page);
      await drawer.getByText('余额不足', { exact: false }).first().waitFor();
      await check('order drawer with the refused refund');
      await shot(page, 'refund-refused-drawer');
      assert.deepEqual(findings, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("the audit log's before/after rows speak business words", async () => {
    const { context, page, problems } = await newDesktop();
    const findings = [];
    try {
      await login(page, 'admin', 'admin123');
      await page.goto(`${server.baseUrl}/admin/#/audit-logs`);
      await settle(page);
      const expanders = page.locator('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)');
      await expanders.first().waitFor();
      const count = Math.min(await expanders.count(), 10);
      assert.ok(count > 0, 'the audit log lists rows with before/after details');
      for (let i = 0; i < count; i++) await expanders.nth(i).click();
      await settle(page);
      assert.ok(await page.locator('.ant-table-expanded-row').count(), 'an expanded row shows its changes');
      for (const hit of developerText(await visibleText(page))) findings.push(`audit log expanded: ${hit}`);
      await shot(page, 'audit-expanded');
      assert.deepEqual(findings, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('a failing action answers with the Chinese text of its code, WeChat refusals explained', async () => {
    // Shipping an order that is not paid from the bulk-shipping CSV: the row gives the reason, in the shop's words.
    const csv = `订单号,快递公司,快递单号\n${data.unpaid.outTradeNo},顺丰速运,SF9876543210\n`;
    const result = await data.admin.post('/api/admin/orders/ship-batch', { csv });
    assert.equal(result.rows[0].ok, false);
    assert.equal(result.rows[0].error, '订单尚未支付');
    // A refund WeChat Pay refuses: the answer carries WeChat's code for the admin to explain, never its English.
    const orders = itemsOf(await data.admin.get('/api/admin/orders?page=1&pageSize=100'));
    const refused = [];
    for (const order of orders.filter((o) => o.status === 'PAID' && o.totalFen > 0).slice(0, 5)) {
      const detail = await data.admin.get(`/api/admin/orders/${order.id}`);
      for (const refund of detail.refunds ?? []) if (refund.failureReason) refused.push(refund.failureReason);
    }
    for (const reason of refused) assert.deepEqual(developerText(reason), [], reason);
  });
});
