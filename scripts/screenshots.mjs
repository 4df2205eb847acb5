// Screenshots of every storefront screen (H5, 375×812, a member and a guest) and every console screen
// (1440×900, as admin), against a fresh demo server, saved to docs/screenshots/{storefront,console}/.
// Needs the built server, admin and H5 (see test/e2e/run.mjs).   Run: node scripts/screenshots.mjs
// Reuses the e2e helpers (server, browser, routes); each picture is meant to be looked at, not asserted on.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient } from '../test/e2e/support/api.mjs';
import { launchBrowser, newPhone, open } from '../test/e2e/support/browser.mjs';
import { repoRoot, startServer } from '../test/e2e/support/server.mjs';

const out = join(repoRoot, 'docs/screenshots');

/** Storefront routes from shared/src/storefront-pages.ts; pages that need an id get the demo data's first one. */
function storefrontRoutes() {
  const source = readFileSync(join(repoRoot, 'shared/src/storefront-pages.ts'), 'utf8');
  const block = source.slice(source.indexOf('export const Routes'), source.indexOf('} as const'));
  return [...block.matchAll(/(\w+): '([^']+)'/g)].map(([, name, path]) => ({ name, path }));
}

/** Console routes from admin/src/routes.tsx (as the console-words walk reads them). */
function consoleRoutes() {
  const source = readFileSync(join(repoRoot, 'admin/src/routes.tsx'), 'utf8');
  const block = source.slice(source.indexOf('export const PATHS'), source.indexOf('} as const'));
  return [...block.matchAll(/(\w+): '([^']+)'/g)]
    .map(([, name, path]) => ({ name, path }))
    .filter(({ name }) => name !== 'login');
}

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, null, { timeout: 8000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
}

async function customerSession(page, baseUrl, name) {
  const { token } = await apiClient(baseUrl).post('/api/auth/wechat-login', { code: `dev:${name}` });
  await page.goto(`${baseUrl}/h5/`);
  await page.evaluate(
    ([t, devName]) => {
      localStorage.setItem('mc.token', JSON.stringify({ data: t }));
      localStorage.setItem('mc.devName', JSON.stringify({ data: devName }));
    },
    [token, name],
  );
  return apiClient(baseUrl, token);
}

async function walkStorefront(browser, baseUrl, who) {
  const { page, context } = await newPhone(browser);
  const api = await customerSession(page, baseUrl, who);
  const products = (await api.get('/api/products?page=1&pageSize=20')).items;
  const orders = await api.get('/api/orders?page=1&pageSize=20').catch(() => ({ items: [] }));
  const firstOrder = (orders.items ?? orders)[0];
  const cheapestTier = (await api.get('/api/tiers')).sort((a, b) => a.priceFen - b.priceFen)[0];
  const params = {
    product: products[0] && `?id=${products[0].id}`,
    orderDetail: firstOrder && `?id=${firstOrder.id}`,
    orderResult: firstOrder && `?orderId=${firstOrder.id}`,
    afterSalesApply: firstOrder && `?orderId=${firstOrder.id}`,
    join: cheapestTier && `?tierId=${cheapestTier.id}`,
    category: products[0]?.category && `?name=${encodeURIComponent(products[0].category)}`,
    joinSuccess: undefined,
    checkout: undefined,
  };
  mkdirSync(join(out, 'storefront'), { recursive: true });
  for (const route of storefrontRoutes()) {
    if (route.name.startsWith('dev')) continue;
    if (route.name in params && !params[route.name]) continue;
    const path = `${route.path}${params[route.name] ?? ''}`;
    await open(page, baseUrl, path).catch(() => undefined);
    await settle(page);
    await page.screenshot({ path: join(out, 'storefront', `${who}-${route.name}.png`) });
  }
  await context.close();
}

async function walkConsole(browser, baseUrl) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/`);
  await page.getByPlaceholder('用户名').fill('admin');
  await page.getByPlaceholder('密码').fill('admin123');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('你好，admin').waitFor();
  mkdirSync(join(out, 'console'), { recursive: true });
  for (const route of consoleRoutes()) {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/admin/#${route.path}`);
    await settle(page);
    await page.screenshot({ path: join(out, 'console', `${route.name}.png`) });
    const detail = page
      .locator('.ant-table-row')
      .getByRole('button', { name: /^(详\s*情|查\s*看)$/ })
      .first();
    if (await detail.count()) {
      await detail.click();
      await settle(page);
      await page.screenshot({ path: join(out, 'console', `${route.name}-detail.png`) });
    }
  }
  await context.close();
}

const server = await startServer();
const browser = await launchBrowser();
try {
  // SHOTS=console or SHOTS=storefront takes one side only.
  const side = process.env.SHOTS;
  if (side !== 'storefront') await walkConsole(browser, server.baseUrl);
  if (side !== 'console') {
    await walkStorefront(browser, server.baseUrl, 'demo-member');
    await walkStorefront(browser, server.baseUrl, 'demo-guest');
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
