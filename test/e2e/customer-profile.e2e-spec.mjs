// 客户详情 end to end against the real built server (admin at 1440×900): a member's name in the member list opens
// the customer's profile; staff add a note and a tag there, and the member list then filters by that tag. An
// order's customer opens the same profile.
// Screenshots: test/e2e/screenshots/customer-profile-*.png (git-ignored; the chosen ones are in docs/screenshots/).
// Run (after building shared, server and admin):  node --test test/e2e/customer-profile.e2e-spec.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshotDir } from './support/browser.mjs';
import { developerText } from './support/developer-text.mjs';
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

async function shot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `customer-profile-${name}.png`) });
}

const profileText = (page) => page.getByTestId('customer-profile').innerText();

describe('customer profile', () => {
  it('opens from the member list, keeps a note and a tag, and the member list filters by the tag', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    try {
      await page.goto(`${server.baseUrl}/admin/`);
      await page.waitForURL(/#\/login/);
      await page.getByPlaceholder('用户名').fill('support');
      await page.getByPlaceholder('密码').fill('support123');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('你好，support').waitFor();

      await page.goto(`${server.baseUrl}/admin/#/members`);
      const firstName = page.getByTestId('member-name').first();
      const nickname = (await firstName.innerText()).trim();
      await firstName.click();
      const drawer = page.getByTestId('customer-profile');
      await drawer.getByText(`客户详情：${nickname}`).waitFor();
      await drawer.getByText('历史总消费').waitFor();
      await drawer.getByText('本轮会员期消费').waitFor();
      await shot(page, '01-overview');

      const tag = '重点回访';
      await drawer.getByTestId('customer-tag-input').locator('input').fill(tag);
      await drawer.getByRole('button', { name: '加标签' }).click();
      await drawer.getByTestId('customer-tags').getByText(tag).waitFor();

      await drawer.getByRole('tab', { name: /订单/ }).click();
      await page.waitForTimeout(500);
      await shot(page, '02-orders');
      await drawer.getByRole('tab', { name: /优惠券/ }).click();
      await shot(page, '03-coupons');
      await drawer.getByRole('tab', { name: /备注/ }).click();
      const note = '电话回访：希望续费前三天提醒';
      await drawer.getByTestId('customer-note-input').fill(note);
      await drawer.getByRole('button', { name: /添加备注/ }).click();
      await drawer.getByTestId('customer-notes').getByText(note).waitFor();
      assert.match(await drawer.getByTestId('customer-notes').innerText(), /support/);
      await shot(page, '04-notes');
      await drawer.getByRole('tab', { name: /会员记录/ }).click();
      await shot(page, '05-terms');
      assert.deepEqual(developerText(await profileText(page)), []);

      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await page.getByTestId('member-tag-filter').click();
      await page.locator('.ant-select-dropdown').getByText(tag, { exact: true }).click();
      await page.getByText('共 1 位').waitFor();
      const names = await page.getByTestId('member-name').allInnerTexts();
      assert.deepEqual(
        names.map((name) => name.trim()),
        [nickname],
      );
      await shot(page, '06-members-by-tag');

      // An order's customer opens the same profile.
      await page.goto(`${server.baseUrl}/admin/#/orders`);
      await page.getByTestId('member-name').first().waitFor({ state: 'detached' }); // the member list has gone
      await page
        .locator('.ant-table-row')
        .first()
        .getByRole('button', { name: /^详\s*情$/ })
        .click();
      await page.getByTestId('order-customer').click();
      await page.getByTestId('customer-profile').getByText('客户详情：').waitFor();
      await shot(page, '07-from-order');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
