// Returns and receipt end to end (issue #21): a customer's return with the tracking number they enter, worked by
// staff to a refund, with both timelines ending in 已退款; and a shipped order confirmed from the order list.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, newPhone, open, screenshotDir, shot, storedToken } from './support/browser.mjs';
import { milkOrder, shippedOrder, staffApi } from './support/orders-fixtures.mjs';
import { startServer } from './support/server.mjs';

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
  return storedToken(page);
}

async function staffDesk(username, password) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/admin/`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(`你好，${username}`).waitFor();
  return { context, page };
}

async function deskShot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

const openMenu = (page, label) =>
  page
    .getByTestId('side-menu')
    .locator('.ant-menu-item .ant-menu-title-content', { hasText: new RegExp(`^${label}$`) })
    .click();

const confirmAntd = (page) =>
  page
    .locator('.ant-modal-confirm:visible')
    .getByRole('button', { name: /确\s*定/ })
    .click();

async function until(read, done, what) {
  let value;
  for (let i = 0; i < 60; i++) {
    value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`${what}: still ${JSON.stringify(value)}`);
}

describe('storefront orders and returns', () => {
  it("a return with the customer's tracking number: staff approve, see it, confirm receipt; both timelines end in 已退款", async () => {
    const { page, context, problems } = await newPhone(browser);
    const token = await devLogin(page, `rt-${Date.now().toString(36)}`);
    const order = await milkOrder(server.baseUrl, token);

    // The customer asks to return the goods.
    const detail = await open(page, server.baseUrl, `/packages/account/order-detail/index?id=${order.id}`);
    await detail.getByTestId('after-sales-apply').click();
    const form = current(page);
    await form.getByText('售后原因').waitFor();
    await form.getByText('退货退款', { exact: true }).click();
    await form.getByText('发错货', { exact: true }).click();
    await form.getByTestId('after-sales-submit').click();
    await page.waitForFunction(() => !location.hash.includes('after-sales-apply'));

    // Staff set the return address and approve the return.
    const desk = await staffDesk('operator', 'operator123');
    await openMenu(desk.page, '售后');
    await desk.page.getByTestId('edit-return-address').click();
    const addressForm = desk.page.locator('.ant-modal:visible').last();
    await addressForm.getByLabel('收件人').fill('王仓管');
    await addressForm.getByLabel('联系电话').fill('021-61234567');
    await addressForm.getByLabel('详细地址').fill('上海市浦东新区张江路 100 号 3 号仓');
    await addressForm.getByRole('button', { name: /保\s*存/ }).click();
    await desk.page
      .getByTestId('return-address')
      .getByText('上海市浦东新区张江路 100 号 3 号仓', { exact: false })
      .waitFor();
    const row = desk.page.locator('tr', { hasText: order.outTradeNo });
    await row.getByRole('button', { name: /处\s*理/ }).click();
    const drawer = desk.page.locator('.ant-drawer:visible').last();
    await drawer.getByRole('button', { name: /同意退货/ }).click();
    await confirmAntd(desk.page);
    await drawer.getByText('顾客还没有填写快递单号').waitFor();
    await deskShot(desk.page, 'so-after-admin-return-approved');

    // The customer sees where to send it and enters the carrier and tracking number.
    const mine = await open(page, server.baseUrl, '/packages/account/after-sales/index');
    const card = mine.locator('[data-testid="after-sales-card"][data-status="AWAITING_RETURN"]');
    await card.getByTestId('return-address').getByText('上海市浦东新区张江路 100 号 3 号仓').waitFor();
    await card.getByText('顺丰速运', { exact: true }).click();
    await card.locator('input[placeholder="填写快递单号"]').fill('SF1234567890');
    await shot(page, 'so-after-return-form');
    await card.getByTestId('return-submit').click();
    await card.getByTestId('return-tracking').getByText('已寄回：顺丰速运 SF1234567890').waitFor();
    await shot(page, 'so-after-return-sent');

    // Staff see the parcel, confirm receipt; the refund runs.
    await desk.page.reload();
    await openMenu(desk.page, '售后');
    await desk.page.locator('.ant-segmented-item', { hasText: '待寄回' }).click();
    await desk.page
      .locator('tr', { hasText: order.outTradeNo })
      .getByRole('button', { name: /处\s*理/ })
      .click();
    const drawer2 = desk.page.locator('.ant-drawer:visible').last();
    await drawer2.getByTestId('return-shipment').getByText('SF1234567890').waitFor();
    await deskShot(desk.page, 'so-after-admin-return-shipped');
    await drawer2.getByTestId('confirm-return-received').click();
    await confirmAntd(desk.page);
    await drawer2
      .getByText(/退款中|已退款/)
      .first()
      .waitFor();

    const api = apiClient(server.baseUrl, token);
    const [done] = await until(
      () => api.get(`/api/me/after-sales?orderId=${order.id}`),
      ([request]) => request.status === 'REFUNDED',
      'the return',
    );
    assert.equal(done.refund.amountFen, order.totalFen);

    // Both sides: the timeline ends in 已退款, every step done.
    const ended = await open(page, server.baseUrl, '/packages/account/after-sales/index');
    const endedCard = ended.locator('[data-testid="after-sales-card"][data-status="REFUNDED"]');
    const steps = endedCard.getByTestId('after-sales-step');
    await steps.last().getByText('已退款').waitFor();
    assert.deepEqual(await steps.evaluateAll((els) => els.map((el) => el.dataset.state)), Array(6).fill('done'));
    await shot(page, 'so-after-return-refunded');

    await desk.page.reload();
    await openMenu(desk.page, '售后');
    await desk.page.locator('.ant-segmented-item', { hasText: '已退款' }).click();
    await desk.page
      .locator('tr', { hasText: order.outTradeNo })
      .getByRole('button', { name: /查\s*看/ })
      .click();
    const adminSteps = desk.page.locator('.ant-drawer:visible').last().getByTestId('after-sales-step');
    await adminSteps.last().getByText('已退款').waitFor();
    assert.deepEqual(await adminSteps.evaluateAll((els) => els.map((el) => el.dataset.state)), Array(6).fill('done'));
    await deskShot(desk.page, 'so-after-admin-return-refunded');
    await desk.context.close();

    assert.deepEqual(
      problems.filter((p) => p.startsWith('pageerror')),
      [],
    );
    await context.close();
  });

  it('confirming receipt: a shipped order confirmed from the 待收货 list is 已完成 on both sides', async () => {
    const { page, context, problems } = await newPhone(browser);
    const token = await devLogin(page, `rc-${Date.now().toString(36)}`);
    const order = await shippedOrder(server.baseUrl, token, 'SF2200000001');

    const profile = await open(page, server.baseUrl, '/pages/profile/index');
    await profile.getByTestId('profile-count-toReceive').getByText('1', { exact: true }).waitFor();
    await shot(page, 'so-after-profile-counts');
    await profile.getByTestId('profile-count-toReceive').click();
    const list = current(page);
    const card = list.locator(`[data-testid="order-card"][data-order-id="${order.id}"]`);
    await card.getByText('顺丰速运 SF2200000001').waitFor();
    await shot(page, 'so-after-orders-to-receive');
    await card.getByTestId('order-confirm-receipt').click();
    const modal = page.locator('.taro-modal__content').last();
    await modal.getByText('请确认已收到全部商品').waitFor();
    await modal.locator('.taro-modal__foot').getByText('确认收货', { exact: true }).click();
    await until(
      () => apiClient(server.baseUrl, token).get(`/api/orders/${order.id}`),
      (seen) => seen.status === 'COMPLETED',
      'the order',
    );

    const detail = await open(page, server.baseUrl, `/packages/account/order-detail/index?id=${order.id}`);
    await detail.locator('[data-testid="order-detail"][data-status="COMPLETED"]').getByText('已完成').waitFor();
    await shot(page, 'so-after-order-completed');

    const staff = await staffApi(server.baseUrl);
    assert.equal((await staff.get(`/api/admin/orders/${order.id}`)).status, 'COMPLETED');
    const desk = await staffDesk('operator', 'operator123');
    await openMenu(desk.page, '订单');
    await desk.page.locator('tr', { hasText: order.outTradeNo }).getByText('已完成').waitFor();
    await desk.context.close();

    assert.deepEqual(
      problems.filter((p) => p.startsWith('pageerror')),
      [],
    );
    await context.close();
  });
});
