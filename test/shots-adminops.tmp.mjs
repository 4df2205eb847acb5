import { chromium } from 'playwright-core';
const base = process.env.BASE ?? 'http://127.0.0.1:3107';
const out = '/tmp/shots-adminops';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
async function session(user, pass) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto(`${base}/admin/`);
  await page.getByPlaceholder('用户名').fill(user);
  await page.getByPlaceholder('密码').fill(pass);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(`你好，${user}`).waitFor();
  return page;
}
const shot = async (page, name) => { await page.waitForTimeout(600); await page.screenshot({ path: `${out}/${name}.png` }); };
const which = process.argv[2] ?? 'all';
const page = await session('admin', 'admin123');
if (which === 'all' || which === 'products') {
  await page.goto(`${base}/admin/#/products`); await page.locator('.ant-table-row').first().waitFor();
  await page.locator('.ant-table-row .ant-checkbox-input').nth(0).check();
  await page.locator('.ant-table-row .ant-checkbox-input').nth(1).check();
  await shot(page, 'products');
  await page.locator('.ant-table-row').first().getByRole('button', { name: '编辑' }).click();
  await page.getByTestId('rich-text-editor').waitFor();
  await shot(page, 'product-form');
  await page.getByTestId('category-select').click();
  await shot(page, 'product-form-category');
  await page.keyboard.press('Escape');
}
if (which === 'all' || which === 'benefits') {
  await page.goto(`${base}/admin/#/benefits`); await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'benefits');
  await page.locator('.ant-table-row', { hasText: '每月 50 元券' }).getByRole('button', { name: /编\s*辑/ }).click();
  await page.locator('.ant-modal:visible').waitFor();
  await shot(page, 'benefit-coupon');
  await page.keyboard.press('Escape');
  await page.locator('.ant-table-row', { hasText: '专属客服' }).getByRole('button', { name: /编\s*辑/ }).click();
  await page.waitForTimeout(500);
  await shot(page, 'benefit-service');
  await page.keyboard.press('Escape');
}
if (which === 'all' || which === 'pricelist') {
  await page.goto(`${base}/admin/#/price-list`); await page.getByText('点击或拖入 CSV 文件').waitFor();
  await shot(page, 'price-list');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'download 导出当前会员价表' }).click();
  const file = await (await dl).path();
  const fs = await import('node:fs');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  // change 2 prices, add an error or two
  const edited = [lines[0], ...lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (i === 0) cells[6] = '1.00';
    if (i === 1) cells[6] = '9999999.00';
    if (i === 2) cells[6] = '12.345';
    return cells.join(',');
  }), 'NO-SUCH,x,x,1,ANNUAL,x,1.00'].join('\r\n');
  fs.writeFileSync(`${out}/edited.csv`, '\uFEFF' + edited);
  await page.locator('input[type=file]').setInputFiles(`${out}/edited.csv`);
  await page.getByTestId('price-list-preview').waitFor();
  await shot(page, 'price-list-preview-errors');
  const good = [lines[0], ...lines.slice(1).map((line, i) => { const c = line.split(','); if (i === 0) c[6] = '1.00'; if (i === 3) c[6] = ''; return c.join(','); })].join('\r\n');
  fs.writeFileSync(`${out}/good.csv`, '\uFEFF' + good);
  await page.getByRole('button', { name: '重新选择文件' }).click();
  await page.locator('input[type=file]').setInputFiles(`${out}/good.csv`);
  await page.getByTestId('price-list-preview').waitFor();
  await shot(page, 'price-list-preview-ok');
  await page.getByRole('button', { name: '应用变化' }).click();
  await page.getByRole('button', { name: '应用', exact: true }).click();
  await page.getByText('已应用').waitFor();
  await shot(page, 'price-list-done');
}
if (which === 'all' || which === 'members') {
  await page.goto(`${base}/admin/#/members`); await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'members');
  await page.getByTestId('member-expiry-filter').click();
  await page.getByText('30 天内到期').click();
  await page.waitForTimeout(500);
  await shot(page, 'members-expiring');
  await page.locator('.ant-table-row').first().getByRole('button', { name: '详情' }).click();
  await page.waitForTimeout(600);
  await shot(page, 'member-detail');
}
if (which === 'all' || which === 'audit') {
  await page.goto(`${base}/admin/#/audit-logs`); await page.locator('.ant-table-row').first().waitFor();
  await page.locator('.ant-table-row-expand-icon').first().click();
  await shot(page, 'audit');
  await page.getByTestId('audit-action-filter').click();
  await shot(page, 'audit-action-filter');
  await page.keyboard.press('Escape');
}
if (which === 'all' || which === 'support') {
  const sp = await session('support', 'support123');
  await sp.goto(`${base}/admin/#/members`); await sp.locator('.ant-table-row').first().waitFor();
  await sp.getByTestId('member-search').fill('演示会员');
  await sp.getByTestId('member-search').press('Enter');
  await sp.waitForTimeout(500);
  await sp.locator('.ant-table-row', { hasText: '演示会员' }).first().getByRole('button', { name: '详情' }).click();
  await sp.getByRole('button', { name: /延\s*期/ }).click();
  await sp.getByTestId('extension-cap').waitFor();
  await sp.locator('.ant-modal:visible .ant-input-number-input').fill('60');
  await sp.locator('.ant-modal:visible').getByRole('button', { name: '确认延期' }).click();
  await sp.waitForTimeout(400);
  await shot(sp, 'support-extend-cap');
}
await browser.close();
