// Headless Debian Chromium through playwright-core (no browser download), a 375×812 phone viewport,
// and helpers to open storefront routes and save screenshots under test/e2e/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh phone-sized context: its own storage, so its own dev login. */
export async function newPhone(browser) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Opens a storefront route (hash router under /h5/), e.g. '/pages/home/index', and waits until
 * that page is the one shown (Taro H5 gives each page element the route as its id). */
export async function open(page, baseUrl, route) {
  const url = `${baseUrl}/h5/#${route}`;
  await page.goto(url);
  const path = route.split('?')[0];
  const shown = page.locator(`.taro_page[id^="${path}"]:visible`).last();
  try {
    await shown.waitFor({ timeout: 7_000 });
  } catch {
    // A hash-only goto can lose a race with a navigation the app itself still has under way
    // (e.g. the redirect after login); loading the URL afresh settles it.
    await page.reload();
    await shown.waitFor();
  }
  return shown;
}

export async function shot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  // Let transitions settle and toasts fade; the page is already asserted on before a shot.
  await page.waitForTimeout(300);
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.taro__toast')].every(
          (el) => getComputedStyle(el).display === 'none' || el.offsetParent === null,
        ),
      null,
      { timeout: 4000 },
    )
    .catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** The session token the storefront keeps (Taro H5 storage wraps values as {"data": ...}). */
export async function storedToken(page) {
  return page.evaluate(() => {
    const raw = localStorage.getItem('mc.token');
    if (!raw) return '';
    try {
      const parsed = JSON.parse(raw);
      return typeof parsed === 'object' && parsed && 'data' in parsed ? parsed.data : parsed;
    } catch {
      return raw;
    }
  });
}
