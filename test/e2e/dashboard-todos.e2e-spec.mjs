// The dashboard's to-do cards, end to end against the real built server (admin at 1440×900): each card opens the
// page that works its queue, already filtered, and that page shows as many items as the card counted.
// Screenshots: test/e2e/screenshots/todos-*.png (git-ignored).
// Run (after building shared, server and admin):  node --test test/e2e/dashboard-todos.e2e-spec.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, screenshotDir } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

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

/** What each to-do's page must show once opened from its card. */
const EXPECTED = {
  TO_SHIP: {
    hash: '#/orders?fulfilment=TO_SHIP',
    filter: (page) => page.getByTestId('fulfilment-filter').getByText('待发货（含礼包）'),
  },
  AFTER_SALES_OPEN: {
    hash: '#/after-sales',
    filter: (page) => page.getByRole('heading', { name: '售后', exact: true }),
  },
  REFUND_REQUESTS_PENDING: {
    hash: '#/refund-requests',
    filter: (page) => page.getByRole('heading', { name: '退款审批', exact: true }),
  },
  SHIPPING_UPLOAD_FAILED: {
    hash: '#/orders?wechatShipping=FAILED',
    filter: (page) => page.getByTestId('wechat-shipping-filter').getByText('发货信息上传失败'),
  },
  LOW_STOCK: { hash: '#/products?lowStock=1', filter: (page) => page.getByTestId('low-stock-filter') },
};

describe('dashboard to-dos', () => {
  it('the dashboard to-do links open their filtered pages', async () => {
    const { token } = await apiClient(server.baseUrl).post('/api/admin/auth/login', {
      username: 'admin',
      password: 'admin123',
    });
    const todos = await apiClient(server.baseUrl, token).get('/api/admin/dashboard/todos');
    assert.deepEqual(todos.map((todo) => todo.key).sort(), Object.keys(EXPECTED).sort());

    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    mkdirSync(screenshotDir, { recursive: true });
    try {
      await page.goto(`${server.baseUrl}/admin/`);
      await page.waitForURL(/#\/login/);
      await page.getByPlaceholder('用户名').fill('admin');
      await page.getByPlaceholder('密码').fill('admin123');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('你好，admin').waitFor();
      for (const todo of todos) {
        await page.goto(`${server.baseUrl}/admin/#/`);
        const card = page.getByTestId(`todo-${todo.key}`);
        await card.getByText(todo.label).waitFor();
        await card.getByText(String(todo.count), { exact: true }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(screenshotDir, 'todos-00-dashboard.png') });
        await card.click();
        const expected = EXPECTED[todo.key];
        await page.waitForURL((url) => url.hash === expected.hash);
        await expected.filter(page).waitFor();
        // The orders list counts what the card counted (the other pages list their queues with finished items too).
        if (todo.count > 0 && expected.hash.startsWith('#/orders'))
          await page.getByText(`共 ${todo.count} `).first().waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(screenshotDir, `todos-${todo.key}.png`) });
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
