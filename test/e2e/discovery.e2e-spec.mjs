// Discovery end to end: search, category page, home banners and product pictures in the H5 storefront
// (served by the real server at /h5/), as a visitor who has not logged in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, newPhone, open, shot } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const R = {
  home: '/pages/home/index',
  search: '/packages/discover/search/index',
  category: '/packages/discover/category/index',
};

/** The page the user sees now: Taro H5 keeps earlier pages in the DOM, hidden. */
const current = (page) => page.locator('.taro_page:visible').last();

/** Every <img> inside `scope` that has loaded real pixels. */
const loadedImages = (scope) =>
  scope
    .locator('img')
    .evaluateAll((images) => images.filter((img) => img.complete && img.naturalWidth > 0).map((img) => img.src));

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

describe('discovery (H5 against the real server)', () => {
  it('search finds a product by part of its name and says so when nothing matches', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      const view = await open(page, server.baseUrl, R.search);
      const input = view.locator('[data-testid=search-input] input, input[data-testid=search-input]').first();
      await input.fill('牛排');
      await view.getByTestId('search-submit').click();
      const card = view.locator('[data-testid=product-card]', { hasText: '澳洲谷饲西冷牛排 10 片' });
      await card.waitFor();
      await view.getByText('共 1 件商品').waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.taro_page img')].some((img) => img.complete && img.naturalWidth > 0),
      );
      await shot(page, 'discovery-01-search-results');

      await input.fill('不存在的商品名');
      await view.getByTestId('search-submit').click();
      await view.getByText('没有找到与“不存在的商品名”相关的商品', { exact: false }).waitFor();
      await shot(page, 'discovery-02-search-empty');

      await input.fill('牛排');
      await view.getByTestId('search-submit').click();
      await card.click();
      const detail = current(page);
      await detail.getByText('立即购买', { exact: true }).waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.taro_page img')].some((img) => img.complete && img.naturalWidth >= 600),
      );
      await shot(page, 'discovery-03-product');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('the category page lists a category’s products, and switching category switches them', async () => {
    const { page, context } = await newPhone(browser);
    try {
      const view = await open(page, server.baseUrl, `${R.category}?name=${encodeURIComponent('海鲜水产')}`);
      await view.locator('[data-testid=product-card]', { hasText: '舟山带鱼段 2kg' }).waitFor();
      assert.equal(await view.locator('[data-testid=product-card]', { hasText: '五常稻花香大米' }).count(), 0);
      await shot(page, 'discovery-04-category');
      await view.locator('[data-testid=category-tab]', { hasText: '粮油米面' }).click();
      await view.locator('[data-testid=product-card]', { hasText: '五常稻花香大米 5kg' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('home shows the staff banners and product pictures', async () => {
    const { page, context } = await newPhone(browser);
    try {
      const home = await open(page, server.baseUrl, R.home);
      const banners = home.getByTestId('home-banners');
      await banners.waitFor();
      await home.locator('[data-testid=product-card]').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=home-banners] img').length > 0);
      await page.waitForTimeout(500);
      assert.ok((await loadedImages(banners)).length > 0, 'a banner picture loaded');
      assert.ok(
        (await loadedImages(home.locator('[data-testid=product-card]').first())).length > 0,
        'a card picture loaded',
      );
      await shot(page, 'discovery-05-home');
    } finally {
      await context.close();
    }
  });
});
