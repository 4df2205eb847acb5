// Auto-renew in the H5 storefront against the real server (dev WeChat simulator): a member opts in on the
// membership page, confirms the deduction contract in the simulator (standing in for WeChat's signing
// mini-program), sees the next charge, cancels; and a member whose renewal charge failed sees 宽限期.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, formatFen, shopDate } from './support/api.mjs';
import { launchBrowser, newPhone, open, shot } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const DAY = 86_400_000;
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

/** A customer who paid for the cheapest tier that offers auto-renew. */
async function memberOfAutoRenewTier(baseUrl) {
  const name = unique('ar');
  const { token } = await apiClient(baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  const api = apiClient(baseUrl, token);
  const tiers = await api.get('/api/tiers');
  const tier = tiers.filter((t) => t.autoRenewPriceFen !== null).sort((a, b) => a.priceFen - b.priceFen)[0];
  assert.ok(tier, 'a tier offers auto-renew');
  const { order } = await api.post('/api/orders/membership', { tierId: tier.id });
  await api.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`);
  return { name, token, api, tier };
}

async function signIn(page, token, name) {
  await page.goto(`${server.baseUrl}/h5/`);
  await page.evaluate(
    ([value, devName]) => {
      localStorage.setItem('mc.token', JSON.stringify({ data: value }));
      localStorage.setItem('mc.devName', JSON.stringify({ data: devName }));
    },
    [token, name],
  );
}

async function adminApi(baseUrl) {
  const { token } = await apiClient(baseUrl).post('/api/admin/auth/login', { username: 'admin', password: 'admin123' });
  return apiClient(baseUrl, token);
}

describe('auto-renew (H5 against the real server)', () => {
  it('a member opts in on the membership page, confirms in (simulated) WeChat, sees the next charge, and cancels', async () => {
    const { name, token, api, tier } = await memberOfAutoRenewTier(server.baseUrl);
    const { page, context, problems } = await newPhone(browser);
    try {
      await signIn(page, token, name);
      const membership = await open(page, server.baseUrl, '/pages/membership/index');
      const panel = membership.locator('[data-testid=auto-renew]');
      await panel.getByText('到期自动续费', { exact: false }).waitFor();
      await panel.getByText(formatFen(tier.autoRenewPriceFen), { exact: false }).first().waitFor();
      await shot(page, '40-auto-renew-offer');

      await panel.locator('[data-testid=auto-renew-opt-in]').click();
      await panel.getByText('等待在微信中确认签约').waitFor();
      await shot(page, '41-auto-renew-pending-sign');
      await panel.locator('[data-testid=auto-renew-simulate-sign]').click();
      await panel.locator('[data-testid=auto-renew-active]').waitFor();
      const mine = await api.get('/api/me/auto-renew');
      assert.equal(mine.status, 'ACTIVE');
      assert.equal(mine.amountFen, tier.autoRenewPriceFen);
      await panel.getByText(`下次扣款：${shopDate(mine.nextChargeAt)}`, { exact: false }).waitFor();
      await shot(page, '42-auto-renew-active');

      await panel.locator('[data-testid=auto-renew-cancel]').click();
      await page.getByText('确认取消', { exact: true }).last().click(); // the confirm modal's button
      await panel.getByText('你已取消自动续费').waitFor();
      assert.equal((await api.get('/api/me/auto-renew')).status, 'CANCELLED');
      await shot(page, '43-auto-renew-cancelled');

      // The join page offers the same opt-in beside the order.
      const join = await open(page, server.baseUrl, `/packages/member/join/index?tierId=${tier.id}`);
      await join
        .locator('[data-testid=auto-renew]')
        .getByText(`到期自动续费 ${formatFen(tier.autoRenewPriceFen)}`, { exact: false })
        .waitFor();
      await join.locator('[data-testid=auto-renew]').scrollIntoViewIfNeeded();
      await shot(page, '45-join-auto-renew');
      // Console noise (the favicon's 404) is not the page's: only uncaught errors fail the run.
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('after the renewal charge failed, the membership page shows 宽限期 with the date member prices last until', async () => {
    const { name, token, api } = await memberOfAutoRenewTier(server.baseUrl);
    const started = await api.post('/api/me/auto-renew', { tierId: (await api.get('/api/me/membership')).tier.id });
    await apiClient(server.baseUrl).post(`/api/dev/wechat/papay/${started.contract.id}/sign`);
    await apiClient(server.baseUrl).post(`/api/dev/wechat/papay/${started.contract.id}/balance`, {
      insufficient: true,
    });
    const admin = await adminApi(server.baseUrl);
    const termEnd = new Date((await api.get('/api/me/membership')).termEnd);
    await admin.post('/api/admin/auto-renew/run', { now: new Date(termEnd.getTime() - 7 * DAY).toISOString() });
    for (let attempt = 0; attempt < 3; attempt++) {
      const { nextChargeAt } = await api.get('/api/me/auto-renew');
      if (!nextChargeAt) break;
      await admin.post('/api/admin/auto-renew/run', { now: nextChargeAt });
    }
    const mine = await api.get('/api/me/auto-renew');
    assert.ok(mine.graceUntil, 'in grace after the failed charges');

    const { page, context, problems } = await newPhone(browser);
    try {
      await signIn(page, token, name);
      const membership = await open(page, server.baseUrl, '/pages/membership/index');
      const grace = membership.locator('[data-testid=auto-renew-grace]');
      await grace.getByText('宽限期').waitFor();
      await grace.getByText(shopDate(mine.graceUntil), { exact: false }).waitFor();
      await shot(page, '44-auto-renew-grace');
      // Console noise (the favicon's 404) is not the page's: only uncaught errors fail the run.
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });
});
