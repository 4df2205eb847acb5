// Daily operations in the admin, end to end against the real built server (admin at 1440×900, H5 storefront
// at 375×812): an operator imports a price list and the storefront price changes; support sees its extension
// cap before extending. Screenshots: test/e2e/screenshots/ops-*.png (git-ignored).
// Run (after building shared, server, admin and H5):  node --test test/e2e/admin-ops.e2e-spec.mjs
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient, formatFen } from './support/api.mjs';
import { launchBrowser, newPhone, open, screenshotDir } from './support/browser.mjs';
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

async function newDesktop() {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

async function shot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `ops-${name}.png`) });
}

async function login(page, username, password) {
  await page.goto(`${server.baseUrl}/admin/`);
  await page.waitForURL(/#\/login/);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(`你好，${username}`).waitFor();
}

const menuItem = (page, label) =>
  page
    .getByTestId('side-menu')
    .locator('.ant-menu-item .ant-menu-title-content', { hasText: new RegExp(`^${label}$`) });

async function customerApi(name) {
  const { token } = await apiClient(server.baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  return apiClient(server.baseUrl, token);
}

const itemsOf = (body) => (Array.isArray(body) ? body : body.items);

describe('admin daily operations', () => {
  it('an operator exports the price list, changes a member price in the file, previews and applies it, and the storefront shows it', async () => {
    const member = await customerApi('demo-member');
    const { tier } = await member.get('/api/me/membership');
    const product = itemsOf(await member.get('/api/products?pageSize=100')).find(
      (p) => p.skus.length === 1 && p.skus[0].listPriceFen > 500,
    );
    const [sku] = product.skus;
    const newPriceFen = sku.priceFen === 123 ? 124 : 123;
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'operator', 'operator123');
      await menuItem(page, '会员价表').click();
      await page.getByText('点击或拖入 CSV 文件').waitFor();

      const downloading = page.waitForEvent('download');
      await page
        .getByRole('button', { name: /导出当前会员价表/ })
        .first()
        .click();
      const exported = readFileSync(await (await downloading).path(), 'utf8');
      assert.equal(exported.charCodeAt(0), 0xfeff, 'the export starts with a BOM for Excel');
      const lines = exported.slice(1).trim().split(/\r?\n/);
      const at = lines.findIndex((line) => line.startsWith(`${sku.code},`) && line.split(',')[4] === tier.code);
      assert.ok(at > 0, `the export has a row for ${sku.code} × ${tier.code}`);
      const cells = lines[at].split(',');
      cells[6] = (newPriceFen / 100).toFixed(2);
      lines[at] = cells.join(',');
      const file = join(screenshotDir, 'ops-price-list.csv');
      mkdirSync(screenshotDir, { recursive: true });
      writeFileSync(file, `\uFEFF${lines.join('\r\n')}`);

      await page.locator('input[type=file]').setInputFiles(file);
      const preview = page.getByTestId('price-list-preview');
      await preview.waitFor();
      await page.getByText('核对通过：应用后将有 1 处会员价变化', { exact: false }).waitFor();
      const row = preview.locator('.ant-table-row', { hasText: sku.code });
      await row.getByText(`→ ${formatFen(newPriceFen)}`).waitFor();
      await row.getByText('修改').waitFor();
      await shot(page, '01-price-list-preview');

      await page.getByRole('button', { name: '应用变化' }).click();
      await page.getByRole('button', { name: '应用', exact: true }).click();
      await page.getByText('已应用：新增 0，修改 1', { exact: false }).waitFor();
      await shot(page, '02-price-list-applied');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }

    const phone = await newPhone(browser);
    try {
      const view = await open(phone.page, server.baseUrl, '/packages/dev/login/index');
      await view.locator('input[placeholder*="输入用户名"]').fill('demo-member');
      await view
        .locator('taro-button-core')
        .filter({ hasText: /^\s*模拟微信登录\s*$/ })
        .first()
        .click();
      await phone.page.waitForFunction(() => Boolean(localStorage.getItem('mc.token')));
      await phone.page.waitForURL(/pages\/home\/index/);
      const detail = await open(phone.page, server.baseUrl, `/packages/shop/product/index?id=${product.id}`);
      await detail.getByText(`${sku.name} · ${formatFen(newPriceFen)}`).waitFor();
      await phone.page.screenshot({ path: join(screenshotDir, 'ops-03-storefront-new-price.png') });
      assert.deepEqual(
        phone.problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await phone.context.close();
    }
  });

  it('support sees its extension cap before extending, and more than the cap is refused in the dialog, not silently cut', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'support', 'support123');
      await menuItem(page, '会员').click();
      await page.getByTestId('member-search').fill('演示会员');
      await page.getByTestId('member-search').press('Enter');
      await page
        .locator('.ant-table-row', { hasText: '演示会员' })
        .first()
        .getByRole('button', { name: '详情' })
        .click();
      await page.getByRole('button', { name: /延\s*期/ }).click();
      const cap = page.getByTestId('extension-cap');
      await cap.getByText('客服每个会员期累计最多可延期 30 天', { exact: false }).waitFor();

      const dialog = page.locator('.ant-modal:visible');
      await dialog.locator('.ant-input-number-input').fill('60');
      await dialog.getByPlaceholder('如：物流延误补偿').fill('物流延误补偿');
      await dialog.getByRole('button', { name: '确认延期' }).click();
      await dialog.getByText('超出上限：最多可延期 30 天').waitFor();
      assert.equal(
        await dialog.locator('.ant-input-number-input').inputValue(),
        '60',
        'the typed number stays, with the reason it is refused',
      );
      await shot(page, '04-support-extension-cap');

      await dialog.locator('.ant-input-number-input').fill('30');
      await dialog.getByRole('button', { name: '确认延期' }).click();
      await page.getByText('已为 演示会员 延期 30 天').waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('an operator ships an order with a courier and tracking number, and the customer sees both on the order', async () => {
    const name = `ship-${Date.now().toString(36)}`;
    const { token } = await apiClient(server.baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
    const customer = apiClient(server.baseUrl, token);
    const address = await customer.post('/api/me/addresses', {
      name: '周九',
      phone: '13300133000',
      province: '四川省',
      city: '成都市',
      district: '武侯区',
      detail: '天府大道 9 号',
    });
    const sku = itemsOf(await customer.get('/api/products?page=1&pageSize=50'))
      .flatMap((p) => p.skus)
      .find((s) => s.stock > 5);
    const { order } = await customer.post('/api/orders', {
      items: [{ skuId: sku.id, quantity: 1 }],
      addressId: address.id,
    });
    await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);

    const { context, page, problems } = await newDesktop();
    try {
      await login(page, 'operator', 'operator123');
      await menuItem(page, '订单').click();
      const search = page.getByPlaceholder('订单号 / 昵称 / 手机号');
      await search.fill(order.outTradeNo);
      await search.press('Enter');
      await page.locator('tr', { hasText: order.outTradeNo }).getByRole('button', { name: '详情' }).click();
      await page
        .locator('.ant-drawer')
        .getByRole('button', { name: /^发\s*货$/ })
        .click();
      await page.getByTestId('ship-tracking').fill('SF9000000001');
      await shot(page, 'ship-dialog');
      await page.getByRole('button', { name: '确认发货' }).click();
      await page.locator('.ant-drawer').getByText('SF9000000001').waitFor();
      await shot(page, 'shipped-order');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }

    const phone = await newPhone(browser);
    try {
      await phone.page.goto(`${server.baseUrl}/h5/`);
      await phone.page.evaluate(
        ([value, devName]) => {
          localStorage.setItem('mc.token', JSON.stringify({ data: value }));
          localStorage.setItem('mc.devName', JSON.stringify({ data: devName }));
        },
        [token, name],
      );
      const detail = await open(phone.page, server.baseUrl, `/packages/account/order-detail/index?id=${order.id}`);
      const shipment = detail.locator('[data-testid=order-shipment]');
      await shipment.getByText('顺丰速运 SF9000000001', { exact: false }).waitFor();
      await phone.page.screenshot({ path: join(screenshotDir, 'ops-customer-sees-tracking.png') });
    } finally {
      await phone.context.close();
    }
  });
});
