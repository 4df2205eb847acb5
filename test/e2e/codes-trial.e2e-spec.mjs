// Issue #19, seen in the browser: a customer redeems a membership code and another starts a free trial in the
// H5 storefront (375×812); staff create, export and void code batches and see trial conversion in the admin.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, newPhone, open, screenshotDir, shot } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

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

async function staffToken(username, password) {
  return (await apiClient(server.baseUrl).post('/api/admin/auth/login', { username, password })).token;
}

/** A fresh batch of `count` codes for the cheapest active tier, and its codes as the CSV export lists them. */
async function freshCodes(count) {
  const token = await staffToken('operator', 'operator123');
  const staff = apiClient(server.baseUrl, token);
  const tiers = await apiClient(server.baseUrl).get('/api/tiers');
  const tier = [...tiers].sort((a, b) => a.priceFen - b.priceFen)[0];
  const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const batch = await staff.post('/api/admin/membership-codes/batches', {
    tierId: tier.id,
    count,
    validUntil,
    note: 'e2e 渠道',
  });
  const res = await fetch(`${server.baseUrl}/api/admin/membership-codes/batches/${batch.id}/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const lines = (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  return { tier, batch, codes: lines.slice(1).map((line) => line.split(',')[0]) };
}

async function customerOnPhone(name) {
  const { token } = await apiClient(server.baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  const phone = await newPhone(browser);
  await phone.page.goto(`${server.baseUrl}/h5/`);
  await phone.page.evaluate(
    ([value, devName]) => {
      localStorage.setItem('mc.token', JSON.stringify({ data: value }));
      localStorage.setItem('mc.devName', JSON.stringify({ data: devName }));
    },
    [token, name],
  );
  return { ...phone, api: apiClient(server.baseUrl, token) };
}

describe('membership codes and trial (H5 and admin against the real server)', () => {
  it('a customer redeems a code on the redeem page and becomes a member of its tier', async () => {
    const { tier, codes } = await freshCodes(1);
    const { page, context, problems, api } = await customerOnPhone(unique('redeemer'));
    try {
      const view = await open(page, server.baseUrl, '/packages/member/redeem/index');
      await view.locator('[data-testid=redeem-input] input').fill(codes[0].toLowerCase());
      await shot(page, '60-redeem-code');
      await view.locator('[data-testid=redeem-submit]').click();
      await view.locator('[data-testid=redeem-done]').getByText('兑换成功').waitFor();
      await view.getByText(`${tier.name} 已生效`).waitFor();
      await shot(page, '61-redeem-done');
      const membership = await api.get('/api/me/membership');
      assert.equal(membership.status, 'ACTIVE');
      assert.equal(membership.tier.id, tier.id);
      assert.equal(membership.terms.at(-1).source, 'CODE');
      // The same code again: the server says it was used, the page says so too.
      const again = await open(
        page,
        server.baseUrl,
        `/packages/member/redeem/index?code=${encodeURIComponent(codes[0])}`,
      );
      await again.locator('[data-testid=redeem-submit]').click();
      await page.getByText('该兑换码已被使用').waitFor();
      await shot(page, '62-redeem-used-code');
      assert.equal((await api.get('/api/me/membership')).terms.length, membership.terms.length);
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('a non-member starts the free trial from the membership page, once', async () => {
    const { page, context, problems, api } = await customerOnPhone(unique('trier'));
    try {
      const tiers = await api.get('/api/tiers');
      const offering = tiers.find((tier) => tier.trialDays > 0);
      assert.ok(offering, 'the demo seed offers a trial on its cheapest tier');
      const view = await open(page, server.baseUrl, '/pages/membership/index');
      const card = view.locator(`[data-testid=tier-card][data-tier-code=${offering.code}]`);
      const trial = card.locator('[data-testid=start-trial]');
      await trial.getByText(`免费试用 ${offering.trialDays} 天`).waitFor();
      await trial.scrollIntoViewIfNeeded();
      await shot(page, '63-trial-offer');
      await trial.click();
      await card.locator('[data-testid=start-trial]').waitFor({ state: 'detached' });
      const summary = view.locator('[data-testid=member-summary]');
      await summary.locator('[data-testid=member-status]').getByText('免费试用中').waitFor();
      await summary.locator('[data-testid=trial-note]').getByText('消费不计入里程碑', { exact: false }).waitFor();
      await summary.scrollIntoViewIfNeeded();
      const membership = await api.get('/api/me/membership');
      assert.equal(membership.status, 'ACTIVE');
      assert.deepEqual(
        membership.terms.map((term) => term.source),
        ['TRIAL'],
      );
      assert.equal(membership.daysLeft, offering.trialDays);
      await shot(page, '64-trial-started');
      const second = await fetch(`${server.baseUrl}/api/me/trial`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: await page.evaluate(() => `Bearer ${JSON.parse(localStorage.getItem('mc.token')).data}`),
        },
        body: JSON.stringify({ tierId: offering.id }),
      });
      assert.equal(second.status, 409);
      assert.equal((await second.json()).code, 'TRIAL_ALREADY_USED');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('a customer who bought a membership as a gift sees its code to share and whether it was redeemed', async () => {
    const { page, context, problems, api } = await customerOnPhone(unique('giver'));
    try {
      const tiers = await api.get('/api/tiers');
      const { order } = await api.post('/api/orders/membership-gift', { tierId: tiers[0].id });
      await api.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);
      const [gift] = await api.get('/api/me/gift-memberships');
      assert.equal(gift.codeStatus, 'ACTIVE');
      const view = await open(page, server.baseUrl, '/packages/member/gift-membership/index');
      await view.locator('[data-testid=gift-code]').getByText(gift.code).waitFor();
      await view.getByText('待好友兑换').waitFor();
      await view.getByText('分享给好友').waitFor();
      await shot(page, '65-gift-membership');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('staff create a batch, export it, void it, and see trial conversion on the dashboard (Chinese admin)', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const adminShot = async (name) => {
      mkdirSync(screenshotDir, { recursive: true });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(screenshotDir, `admin-${name}.png`) });
    };
    try {
      await page.goto(`${server.baseUrl}/admin/`);
      await page.waitForURL(/#\/login/);
      await page.getByPlaceholder('用户名').fill('operator');
      await page.getByPlaceholder('密码').fill('operator123');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('你好，operator').waitFor();
      await page.getByText('免费试用转化').waitFor();
      await page.getByText('转化率').first().waitFor();
      await adminShot('60-dashboard-trial-conversion');

      await page.goto(`${server.baseUrl}/admin/#/membership-codes`);
      await page.getByRole('button', { name: /新建兑换码批次/ }).click();
      const modal = page.locator('.ant-modal:visible').last();
      await modal.locator('.ant-select').first().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await modal.locator('.ant-input-number-input').fill('12');
      await modal.getByPlaceholder('如：2027 年会、合作渠道 A').fill('浏览器测试渠道');
      await adminShot('61-code-batch-create');
      await modal.getByRole('button', { name: /生\s*成/ }).click();
      const row = page.locator('.ant-table-row', { hasText: '浏览器测试渠道' }).first();
      await row.getByText('可兑换 12').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('button', { name: /导\s*出/ }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^membership-codes-\d+\.csv$/);
      await adminShot('62-code-batches');
      await row.getByRole('button', { name: /作\s*废/ }).click();
      const voiding = page.locator('.ant-modal:visible').last();
      await voiding.locator('input').last().fill('活动取消');
      await voiding.getByRole('button', { name: /作\s*废/ }).click();
      await row.getByText('已作废 12').waitFor();
      await adminShot('63-code-batch-voided');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
