// After-sales end to end: a customer files a refund request with a photo on a paid order in the H5
// storefront, and staff find it in the admin 售后 queue, see the photo and approve the refund.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, newPhone, open, screenshotDir, shot, storedToken } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const current = (page) => page.locator('.taro_page:visible').last();
const press = (view, label) =>
  view
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
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

async function devLogin(page, name) {
  const view = await open(page, server.baseUrl, '/packages/dev/login/index');
  await view.locator('input[placeholder*="输入用户名"]').fill(name);
  await press(view, '模拟微信登录');
  await page.waitForFunction(() => Boolean(localStorage.getItem('mc.token')));
  await page.waitForURL(/pages\/home\/index/);
}

/** A paid order of two cartons of milk, made and paid through the API as the logged-in customer. */
async function paidOrder(token) {
  const api = apiClient(server.baseUrl, token);
  const address = await api.post('/api/me/addresses', {
    name: '李四',
    phone: '13900139000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 1 号',
  });
  const body = await api.get('/api/products?pageSize=100');
  const sku = (Array.isArray(body) ? body : body.items).flatMap((p) => p.skus).find((s) => s.code === 'MILK-24');
  const created = await api.post('/api/orders', { items: [{ skuId: sku.id, quantity: 2 }], addressId: address.id });
  await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${created.order.outTradeNo}/confirm`);
  return created.order;
}

describe('after-sales (storefront to admin queue)', () => {
  it('a customer files a refund request with a photo on a paid order and staff approve it from the queue', async () => {
    const { page, context, problems } = await newPhone(browser);
    const name = `as-${Date.now().toString(36)}`;
    await devLogin(page, name);
    const token = await storedToken(page);
    const order = await paidOrder(token);

    const detail = await open(page, server.baseUrl, `/packages/account/order-detail/index?id=${order.id}`);
    await detail.getByTestId('after-sales-apply').waitFor();
    await shot(page, 'after-sales-01-order-detail');
    await detail.getByTestId('after-sales-apply').click();

    const form = current(page);
    await form.getByText('售后原因').waitFor();
    await form.getByText('商品破损', { exact: true }).click();
    await form.locator('textarea').fill('外箱压坏，两瓶漏了');
    mkdirSync(join(tmpdir(), 'mc-e2e-photo'), { recursive: true });
    const photoPath = join(tmpdir(), 'mc-e2e-photo', 'leak.png');
    writeFileSync(photoPath, PNG);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      form.getByTestId('after-sales-add-photo').click(),
    ]);
    await chooser.setFiles(photoPath);
    await form.locator('.after-sales-apply__photo').first().waitFor();
    await shot(page, 'after-sales-02-apply-form');
    await press(form, '提交申请');

    await page.waitForFunction(() => !location.hash.includes('after-sales-apply'));
    const mine = await apiClient(server.baseUrl, token).get(`/api/me/after-sales?orderId=${order.id}`);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].status, 'PENDING');
    assert.equal(mine[0].reason, '商品破损');
    assert.equal(mine[0].photos.length, 1);
    const back = current(page);
    await back.getByTestId('after-sales-card').waitFor();
    await shot(page, 'after-sales-03-order-detail-pending');
    assert.deepEqual(
      problems.filter((p) => p.startsWith('pageerror')),
      [],
    );
    await context.close();

    const desktop = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    desktop.setDefaultTimeout(15_000);
    const admin = await desktop.newPage();
    await admin.goto(`${server.baseUrl}/admin/`);
    await admin.getByPlaceholder('用户名').fill('operator');
    await admin.getByPlaceholder('密码').fill('operator123');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin
      .getByTestId('side-menu')
      .locator('.ant-menu-item .ant-menu-title-content', { hasText: /^售后$/ })
      .click();
    const row = admin.locator('tr', { hasText: order.outTradeNo });
    await row.waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await admin.screenshot({ path: join(screenshotDir, 'admin-after-sales-queue.png') });
    await row.getByRole('button', { name: /处\s*理/ }).click();
    const drawer = admin.locator('.ant-drawer:visible').last();
    await drawer.getByText('外箱压坏，两瓶漏了').waitFor();
    await drawer.locator('img.ant-image-img').first().waitFor();
    await admin.waitForTimeout(400);
    await admin.screenshot({ path: join(screenshotDir, 'admin-after-sales-drawer.png') });
    await drawer.getByRole('button', { name: /同意并退款/ }).click();
    await admin
      .locator('.ant-modal-confirm:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    // WeChat accepted the refund; the request shows 退款中 until the (simulated) WeChat finishes it by itself.
    await drawer
      .getByText(/退款中|已退款/)
      .first()
      .waitFor();
    let decided;
    for (let i = 0; i < 60; i++) {
      [decided] = await apiClient(server.baseUrl, token).get(`/api/me/after-sales?orderId=${order.id}`);
      if (decided.status === 'REFUNDED') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.equal(decided.status, 'REFUNDED');
    assert.equal(decided.refund.amountFen, order.totalFen);
    await desktop.close();
  });
});
