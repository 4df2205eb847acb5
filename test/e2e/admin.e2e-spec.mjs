// Admin app end to end: admin/dist (served by the real server at /admin/) driven in headless Chromium at
// 1440×900 against a fresh SQLite database and the dev WeChat simulator. Screenshots go to
// test/e2e/screenshots/admin-*.png (git-ignored).
// Run (after building shared, server and admin):  node --test test/e2e/admin.e2e-spec.mjs
// E2E_BASE_URL=http://host:port uses a server that is already running instead of starting one.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient, formatFen } from './support/api.mjs';
import { launchBrowser, screenshotDir } from './support/browser.mjs';
import { repoRoot, startServer } from './support/server.mjs';

const unique = (prefix) => `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e3)}`;

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

/** A fresh desktop context (own localStorage, so its own login), collecting page errors. */
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
  await page.waitForTimeout(400); // let drawers and messages finish animating
  await page.screenshot({ path: join(screenshotDir, `admin-${name}.png`) });
}

async function login(page, username, password) {
  await page.goto(`${server.baseUrl}/admin/`);
  await page.waitForURL(/#\/login/);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(`你好，${username}`).waitFor();
}

const menu = (page) => page.getByTestId('side-menu');

/** A menu entry by its exact label (group titles and icon names don't count). */
const menuItem = (page, label) =>
  menu(page).locator('.ant-menu-item .ant-menu-title-content', { hasText: new RegExp(`^${label}$`) });

async function openMenu(page, label) {
  await menuItem(page, label).click();
}

async function staffApi(username, password) {
  const { token } = await apiClient(server.baseUrl).post('/api/admin/auth/login', { username, password });
  return apiClient(server.baseUrl, token);
}

/** The visible drawer or modal (antd keeps closed ones in the DOM). */
const dialog = (page, selector) => page.locator(`${selector}:visible`).last();

describe('admin app (built admin against the real server)', () => {
  it('sends an anonymous visitor to login, rejects a wrong password, and lets admin in', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await page.goto(`${server.baseUrl}/admin/#/orders`);
      await page.waitForURL(/#\/login/);
      await page.getByPlaceholder('用户名').fill('admin');
      await page.getByPlaceholder('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('用户名或密码错误').waitFor();
      await shot(page, '01-login-error');

      await page.getByPlaceholder('密码').fill('admin123');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      // Back to where the visitor was going.
      await page.waitForURL(/#\/orders/);
      await page.getByRole('heading', { name: '订单' }).waitFor();
      assert.ok(await page.evaluate(() => localStorage.getItem('mc.admin.token')), 'token kept in localStorage');

      await openMenu(page, '概览');
      await page.getByText('你好，admin').waitFor();
      for (const label of ['会员卡', '商品', '会员', '订单', '操作日志', '员工账号', '财务报表']) {
        await menuItem(page, label).waitFor();
      }
      const admin = await staffApi('admin', 'admin123');
      const active = await admin.get('/api/admin/members?status=ACTIVE&pageSize=1');
      await page
        .locator('.ant-statistic', { hasText: '有效会员' })
        .getByText(String(active.total), { exact: true })
        .waitFor();
      await shot(page, '02-dashboard');

      // A rejected token (401) sends the user back to login.
      await page.evaluate(() => localStorage.setItem('mc.admin.token', 'expired'));
      await openMenu(page, '会员');
      await page.waitForURL(/#\/login/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('admin creates a draft tier in yuan and puts it on sale; the server stores fen and basis points', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '会员卡');
      const admin = await staffApi('admin', 'admin123');
      const existing = await admin.get('/api/admin/tiers');
      await page.locator('.ant-table-row', { hasText: existing[0].name }).first().waitFor();
      await shot(page, '03-tiers');

      const code = unique('E2E');
      const name = `季卡 ${code}`;
      await page.getByRole('button', { name: '新建会员卡' }).click();
      const drawer = dialog(page, '.ant-drawer-content');
      await drawer.getByLabel('名称').fill(name);
      await drawer.getByLabel('编码').fill(code);
      await drawer.getByLabel('价格（元）').fill('199.9');
      await drawer.locator('#termLength').fill('3');
      await drawer.getByLabel('默认会员折扣（减 %）').fill('5');
      const benefits = await admin.get('/api/admin/benefits');
      await drawer.getByLabel('会员权益').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: benefits[0].title })
        .first()
        .click();
      await drawer.getByText('新建会员卡').click(); // close the dropdown
      await shot(page, '04-tier-form');
      await drawer.getByTestId('tier-save').click();

      const row = page.locator('.ant-table-row', { hasText: name });
      await row.getByText('草稿').waitFor();
      await row.getByText(formatFen(19_990)).waitFor();
      const created = (await admin.get('/api/admin/tiers')).find((tier) => tier.code === code);
      assert.ok(created, 'the tier exists on the server');
      assert.equal(created.priceFen, 19_990);
      assert.equal(created.termMonths, 3);
      assert.equal(created.defaultDiscountBp, 500);
      assert.equal(created.status, 'DRAFT');
      assert.deepEqual(
        created.benefits.map((b) => b.id),
        [benefits[0].id],
      );

      await row.getByRole('button', { name: '上架' }).click();
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '上架' }).click();
      await row.getByText('销售中').waitFor();
      assert.equal((await admin.get(`/api/admin/tiers/${created.id}`)).status, 'ACTIVE');
      const onSale = await apiClient(server.baseUrl).get('/api/tiers');
      assert.ok(
        onSale.some((tier) => tier.id === created.id),
        'the storefront now offers the tier',
      );
      await shot(page, '05-tier-created');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('products: search narrows the list and the editor shows SKUs with per-tier member prices', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '商品');
      const admin = await staffApi('admin', 'admin123');
      const all = await admin.get('/api/admin/products?pageSize=100');
      await page.getByText(`共 ${all.total} 件`).waitFor();
      await shot(page, '06-products');

      const target = all.items.find((p) => p.skus.some((s) => s.memberPrices.length > 0)) ?? all.items[0];
      await page.getByTestId('product-search').fill(target.title);
      await page.getByTestId('product-search').press('Enter');
      const row = page.locator('.ant-table-row', { hasText: target.title });
      await row.waitFor();
      const shown = await page.locator('.ant-table-row').count();
      assert.ok(shown >= 1 && shown < all.total, `search narrows the list (${shown} of ${all.total})`);

      await row.getByRole('button', { name: '编辑' }).click();
      const drawer = dialog(page, '.ant-drawer-content');
      await drawer.getByText(`编辑商品：${target.title}`).waitFor();
      const sku = target.skus[0];
      await drawer.locator('.ant-table-row', { hasText: sku.code }).getByText(formatFen(sku.listPriceFen)).waitFor();
      await drawer.locator('.ant-table-row', { hasText: sku.code }).getByRole('button', { name: '会员价' }).click();
      const modal = dialog(page, '.ant-modal-content');
      await modal.getByText('留空表示按该会员卡的默认折扣计算', { exact: false }).waitFor();
      await shot(page, '07-member-prices');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('admin creates a product with a SKU priced in yuan and gives it a member price on one tier', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '商品');
      await page.getByRole('button', { name: '新建商品' }).click();
      const drawer = dialog(page, '.ant-drawer-content');
      const title = `e2e 测试商品 ${unique('P')}`;
      const skuCode = unique('SKU-');
      await drawer.getByLabel('商品名称').fill(title);
      // Categories are picked from a list; a new one is added from the list's own input.
      await drawer.getByTestId('category-select').click();
      await page.getByPlaceholder('新分类名称').fill('测试分类');
      await page.getByRole('button', { name: /新建分类/ }).click();
      await drawer.locator('#skus_0_code').fill(skuCode);
      await drawer.locator('#skus_0_name').fill('500g');
      await drawer.locator('#skus_0_listPriceYuan').fill('88.8');
      await drawer.locator('#skus_0_stock').fill('50');
      await shot(page, '06a-product-create');
      await drawer.getByRole('button', { name: '保存' }).click();
      await drawer.getByText(`编辑商品：${title}`).waitFor();

      const admin = await staffApi('admin', 'admin123');
      const [tier] = await admin.get('/api/admin/tiers');
      const skuRow = drawer.locator('.ant-table-row', { hasText: skuCode });
      await skuRow.getByText(formatFen(8880)).waitFor();
      await skuRow.getByRole('button', { name: '会员价' }).click();
      const modal = dialog(page, '.ant-modal-content');
      await modal.locator(`#tier-${tier.id}`).fill('79.9');
      await modal.getByRole('button', { name: '确定' }).click();
      await skuRow.getByText(`${tier.name} ${formatFen(7990)}`).waitFor();

      const { items } = await admin.get(`/api/admin/products?q=${encodeURIComponent(title)}`);
      const created = items.find((p) => p.title === title);
      assert.ok(created, 'the product exists on the server');
      assert.equal(created.category, '测试分类');
      const sku = created.skus.find((s) => s.code === skuCode);
      assert.equal(sku.listPriceFen, 8880);
      assert.equal(sku.stock, 50);
      assert.deepEqual(sku.memberPrices, [{ tierId: tier.id, priceFen: 7990 }]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('operator uploads a banner picture, and the storefront lists the new banner', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'operator', 'operator123');
      await openMenu(page, '首页横幅');
      await page.getByRole('button', { name: /新建横幅/ }).click();
      const modal = dialog(page, '.ant-modal');
      await modal.locator('input[type=file]').setInputFiles(join(repoRoot, 'server/assets/demo-media/banner-tea.jpg'));
      await modal.locator('.ant-upload-list-item-done').waitFor();
      await modal.getByLabel('标题').fill('端到端横幅');
      await modal.locator('.ant-form-item', { hasText: '点击后打开' }).locator('.ant-select-selector').click();
      await page.locator('.ant-select-item-option', { hasText: '不跳转' }).click();
      await shot(page, '22-banner-form');
      await modal.getByRole('button', { name: /确\s*定/ }).click();
      await page.locator('.ant-table-row', { hasText: '端到端横幅' }).waitFor();
      const banners = await apiClient(server.baseUrl).get('/api/banners');
      const created = banners.find((banner) => banner.title === '端到端横幅');
      assert.ok(created, 'the storefront lists the new banner');
      assert.match(created.image, /^\/media\/[0-9a-f]{32}\.jpg$/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('the other catalogue and system screens render for admin', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      const admin = await staffApi('admin', 'admin123');

      await openMenu(page, '会员权益');
      const [benefit] = await admin.get('/api/admin/benefits');
      await page.locator('.ant-table-row', { hasText: benefit.title }).waitFor();
      await shot(page, '18-benefits');

      await openMenu(page, '礼包');
      const [pack] = await admin.get('/api/admin/gift-packs');
      const packRow = page.locator('.ant-table-row', { hasText: pack.name });
      // Declared value, then what the contents are worth at list price (the same for the seeded packs).
      await packRow.getByText(formatFen(pack.valueFen)).first().waitFor();
      assert.equal(pack.contentsValueFen, pack.valueFen);
      assert.equal(await packRow.getByTestId('pack-value-mismatch').count(), 0);
      await packRow.getByRole('button', { name: '编辑' }).click();
      const drawer = dialog(page, '.ant-drawer-content');
      await drawer.getByText(`编辑礼包：${pack.name}`).waitFor();
      await shot(page, '19-gift-pack-form');
      await drawer.getByRole('button', { name: '取消' }).click();

      await openMenu(page, '消费里程碑');
      const milestones = await admin.get('/api/admin/milestones');
      await page.locator('.ant-table-row', { hasText: milestones[0].title }).waitFor();
      await shot(page, '20-milestones');

      await openMenu(page, '财务报表');
      await page.getByTestId('finance-report').locator('.ant-table-row').first().waitFor();
      await page.getByRole('button', { name: /会费流水 CSV/ }).waitFor();
      await shot(page, '21-finance-report');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('members: finds a member by phone, shows the terms, and extends the term with a reason', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '会员');
      const admin = await staffApi('admin', 'admin123');
      const { items } = await admin.get('/api/admin/members?status=ACTIVE&pageSize=100');
      const member = items.find((m) => m.phone) ?? items[0];
      assert.ok(member, 'the demo data has an active member');

      await page.getByTestId('member-search').fill(member.phone ?? member.nickname);
      await page.getByTestId('member-search').press('Enter');
      const row = page.locator('.ant-table-row', { hasText: member.nickname });
      await row.waitFor();
      await shot(page, '08-members');
      await row.getByRole('button', { name: '详情' }).click();
      const drawer = dialog(page, '.ant-drawer-content');
      await drawer.getByText(`会员详情：${member.nickname}`).waitFor();
      await drawer.getByText(member.tier.name).first().waitFor();

      await drawer.getByRole('button', { name: '延期' }).click();
      const modal = dialog(page, '.ant-modal-content');
      await modal.getByLabel('延期天数').fill('10');
      await modal.getByLabel('原因（记入操作日志）').fill('e2e：物流延误补偿');
      await shot(page, '09-member-extend');
      await modal.getByRole('button', { name: '确认延期' }).click();
      await page.getByText(`已为 ${member.nickname} 延期 10 天`).waitFor();
      const after = await admin.get(`/api/admin/members/${member.membershipId}`);
      const gained = new Date(after.termEnd).getTime() - new Date(member.termEnd).getTime();
      assert.equal(Math.round(gained / 86_400_000), 10, 'term end moved by 10 days');
      await shot(page, '10-member-detail');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('orders: a paid membership order shows the refund quote and rule before staff confirm a refund', async () => {
    // A customer buys the cheapest tier and pays through the dev simulator.
    const guest = await apiClient(server.baseUrl).post('/api/auth/wechat-login', {
      code: `dev:${unique('admin-e2e-')}`,
    });
    const customer = apiClient(server.baseUrl, guest.token);
    const tier = (await customer.get('/api/tiers')).sort((a, b) => a.priceFen - b.priceFen)[0];
    const { order } = await customer.post('/api/orders/membership', { tierId: tier.id });
    await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);
    assert.equal((await customer.get(`/api/orders/${order.id}`)).status, 'PAID');

    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '订单');
      await page.getByTestId('order-search').fill(order.outTradeNo);
      await page.getByTestId('order-search').press('Enter');
      const row = page.locator('.ant-table-row', { hasText: order.outTradeNo });
      await row.getByText('已支付').waitFor();
      await shot(page, '11-orders');

      await row.getByRole('button', { name: '详情' }).click();
      const drawer = dialog(page, '.ant-drawer-content');
      await drawer.getByText(`订单 ${order.outTradeNo}`).waitFor();
      await drawer.getByText(tier.name).first().waitFor();
      await shot(page, '12-order-detail');

      const admin = await staffApi('admin', 'admin123');
      const quote = await admin.get(`/api/admin/orders/${order.id}/refund-quote`);
      await drawer.getByRole('button', { name: '退款' }).click();
      const modal = dialog(page, '.ant-modal-content');
      const quoteBox = modal.getByTestId('refund-quote');
      await quoteBox.getByText(formatFen(quote.paidFen)).first().waitFor();
      await quoteBox.getByText(formatFen(quote.refundableFen)).first().waitFor();
      await modal.getByText(quote.rule, { exact: false }).waitFor();
      await modal.getByLabel('原因').fill('e2e：顾客申请退卡');
      await shot(page, '13-refund-quote');

      await modal.getByRole('button', { name: /退\s*款/ }).click();
      const confirm = page.locator('.ant-modal-confirm:visible');
      await confirm
        .locator('.ant-modal-confirm-title', { hasText: `确认退款 ${formatFen(quote.refundableFen)}？` })
        .waitFor();
      await confirm.getByRole('button', { name: '确认退款' }).click();
      await page.getByText('退款已提交').waitFor();
      const refunded = await admin.get(`/api/admin/orders/${order.id}`);
      assert.ok(['REFUNDING', 'REFUNDED'].includes(refunded.status), `order is ${refunded.status} after the refund`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('audit log and staff accounts are visible to admin', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '操作日志');
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, '14-audit-log');
      await openMenu(page, '员工账号');
      // Wait for the staff page itself: until it replaces the audit log, operator's audit rows match too.
      await page.getByRole('heading', { name: '员工账号' }).waitFor();
      await page.locator('.ant-table-row', { hasText: 'operator' }).waitFor();
      await shot(page, '15-staff');
      await openMenu(page, '开发模拟器消息');
      await page.getByRole('heading', { name: '开发模拟器消息' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('admin disables a staff account from the staff page; a staff member changes their own password from the user menu', async () => {
    const admin = await staffApi('admin', 'admin123');
    await admin.post('/api/admin/staff', { username: 'e2e-temp', password: 'temp-password-1', role: 'support' });
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'admin', 'admin123');
      await openMenu(page, '员工账号');
      const row = page.locator('.ant-table-row', { hasText: 'e2e-temp' });
      await row.getByRole('button', { name: /停\s*用/ }).click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await row.getByText('已停用').waitFor();
      await shot(page, '15b-staff-disabled');
      await assert.rejects(staffApi('e2e-temp', 'temp-password-1'), /401/);

      await page.getByTestId('current-staff').hover();
      await page.getByText('退出登录').click();
      await page.waitForURL(/#\/login/);
      await admin.post('/api/admin/staff', { username: 'e2e-pw', password: 'first-password-1', role: 'support' });
      await login(page, 'e2e-pw', 'first-password-1');
      await page.getByTestId('current-staff').hover();
      await page.getByText('修改密码').click();
      const modal = dialog(page, '.ant-modal');
      await modal.getByLabel('当前密码').fill('first-password-1');
      await modal.getByLabel('新密码', { exact: true }).fill('second-password-2');
      await modal.getByLabel('确认新密码').fill('second-password-2');
      await shot(page, '15c-change-password');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('密码已修改').waitFor();
      await menuItem(page, '会员').click(); // still signed in with the fresh token
      await page.getByRole('heading', { name: '会员' }).waitFor();
      await assert.rejects(staffApi('e2e-pw', 'first-password-1'), /401/);
      await staffApi('e2e-pw', 'second-password-2');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('operator sees no staff-accounts menu and is refused the staff page; support and finance see no catalogue', async () => {
    const { page, context, problems } = await newDesktop();
    try {
      await login(page, 'operator', 'operator123');
      await menuItem(page, '会员卡').waitFor();
      await menuItem(page, '订单').waitFor();
      assert.equal(await menuItem(page, '员工账号').count(), 0, 'no staff-accounts entry');
      assert.equal(await menuItem(page, '财务报表').count(), 0, 'no finance report entry');
      assert.equal(
        await menuItem(page, '操作日志').count(),
        0,
        'no audit log entry (DESIGN.md: admin and finance read it)',
      );
      await shot(page, '16-operator');
      await page.goto(`${server.baseUrl}/admin/#/staff`);
      await page.getByText('无权访问').waitFor();

      await page.getByTestId('current-staff').hover();
      await page.getByText('退出登录').click();
      await page.waitForURL(/#\/login/);
      await login(page, 'support', 'support123');
      await menuItem(page, '会员').waitFor();
      for (const label of ['会员卡', '商品', '员工账号', '操作日志']) {
        assert.equal(await menuItem(page, label).count(), 0, `support has no ${label} entry`);
      }
      await shot(page, '17-support');

      await page.getByTestId('current-staff').hover();
      await page.getByText('退出登录').click();
      await login(page, 'finance', 'finance123');
      await menuItem(page, '财务报表').waitFor();
      await menuItem(page, '订单').waitFor();
      for (const label of ['会员卡', '员工账号']) {
        assert.equal(await menuItem(page, label).count(), 0, `finance has no ${label} entry`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
