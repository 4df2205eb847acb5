// WeChat shipping information end to end (issue #18): staff ship a paid order, the job uploads it to the
// (simulated) WeChat shipping-information service, staff see the upload in the admin order view, and the customer
// confirms receipt in the H5 storefront, which completes the order.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, newPhone, open, screenshotDir, shot, storedToken } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

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

async function staffToken(username, password) {
  return (await apiClient(server.baseUrl).post('/api/admin/auth/login', { username, password })).token;
}

/** A paid order of two cartons of milk, shipped by ZTO with a tracking number staff typed. */
async function shippedOrder(token, trackingNo) {
  const api = apiClient(server.baseUrl, token);
  const address = await api.post('/api/me/addresses', {
    name: '钱七',
    phone: '13700137000',
    province: '江苏省',
    city: '南京市',
    district: '鼓楼区',
    detail: '中山路 7 号',
  });
  const body = await api.get('/api/products?pageSize=100');
  const sku = (Array.isArray(body) ? body : body.items).flatMap((p) => p.skus).find((s) => s.code === 'MILK-24');
  const created = await api.post('/api/orders', { items: [{ skuId: sku.id, quantity: 2 }], addressId: address.id });
  await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${created.order.outTradeNo}/confirm`);
  const staff = apiClient(server.baseUrl, await staffToken('operator', 'operator123'));
  await staff.post(`/api/admin/orders/${created.order.id}/ship`, { carrier: 'ZTO', trackingNo });
  return created.order;
}

/** The job uploads within its 20 s tick; wait for the simulator to have received it. */
async function waitForUpload(outTradeNo) {
  for (let i = 0; i < 60; i++) {
    const uploads = await apiClient(server.baseUrl).get('/api/dev/wechat/shipping-uploads');
    const mine = uploads.filter((upload) => upload.outTradeNo === outTradeNo);
    if (mine.length) return mine;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no shipping upload for ${outTradeNo}`);
}

describe('WeChat shipping information and receipt', () => {
  it('a shipped order is uploaded to WeChat as express, staff see it, and the customer confirms receipt in H5', async () => {
    const { page, context, problems } = await newPhone(browser);
    await devLogin(page, `ws-${Date.now().toString(36)}`);
    const token = await storedToken(page);
    const trackingNo = `7530${Date.now().toString().slice(-8)}`;
    const order = await shippedOrder(token, trackingNo);

    const [upload] = await waitForUpload(order.outTradeNo);
    assert.equal(upload.logisticsType, 1);
    assert.deepEqual(upload.shippingList, [{ expressCompany: 'ZTO', trackingNo }]);

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
      .locator('.ant-menu-item .ant-menu-title-content', { hasText: /^订单$/ })
      .click();
    const row = admin.locator('tr', { hasText: order.outTradeNo });
    await row.waitFor();
    await row.locator('a, button').first().click();
    const panel = admin.getByTestId('wechat-shipping');
    await panel.getByText('已上传', { exact: true }).waitFor();
    await panel.getByText(trackingNo).waitFor();
    await panel.scrollIntoViewIfNeeded();
    mkdirSync(screenshotDir, { recursive: true });
    await admin.waitForTimeout(400);
    await admin.screenshot({ path: join(screenshotDir, 'admin-order-wechat-shipping.png') });
    await desktop.close();

    const detail = await open(page, server.baseUrl, `/packages/account/order-detail/index?id=${order.id}`);
    await detail.getByTestId('confirm-receipt').waitFor();
    await shot(page, 'wechat-shipping-01-shipped-order');
    await detail.getByTestId('confirm-receipt').click();
    const modal = page.locator('.taro-modal__content').last();
    await modal.getByText('请确认已收到全部商品').waitFor();
    await shot(page, 'wechat-shipping-02-confirm-modal');
    await modal.locator('.taro-modal__foot').getByText('确认收货', { exact: true }).click();
    await page.locator('[data-testid="order-detail"][data-status="COMPLETED"]:visible').waitFor();
    await shot(page, 'wechat-shipping-03-completed');

    const seen = await apiClient(server.baseUrl, token).get(`/api/orders/${order.id}`);
    assert.equal(seen.status, 'COMPLETED');
    assert.deepEqual(
      problems.filter((p) => p.startsWith('pageerror')),
      [],
    );
    await context.close();
  });
});
