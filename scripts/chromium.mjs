#!/usr/bin/env node
// Debian's Chromium for the Playwright e2e tests (Playwright's own browser download cannot work here),
// plus a CJK font so screenshots show Chinese. `node scripts/chromium.mjs` prints its path.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { aptInstall, canUseApt, log } from './lib.mjs';

const DEFAULT_PATH = '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export async function ensureChromium({ log: print = log } = {}) {
  const custom = process.env.CHROMIUM_PATH;
  if (custom) {
    if (!existsSync(custom)) throw new Error(`CHROMIUM_PATH=${custom} does not exist`);
    return custom;
  }
  const missing = [];
  if (!existsSync(DEFAULT_PATH)) missing.push('chromium');
  // The font only matters for screenshots: install it alongside Chromium, never fail for it alone.
  if (!existsSync(CJK_FONT) && (missing.length || canUseApt())) missing.push('fonts-wqy-microhei');
  if (missing.length) {
    if (!canUseApt()) {
      throw new Error(
        `Chromium is not installed at ${DEFAULT_PATH}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium fonts-wqy-microhei), ` +
          'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
      );
    }
    print(`installing ${missing.join(' ')} with apt-get for the browser tests`);
    await aptInstall(missing, { log: print });
  }
  if (!existsSync(DEFAULT_PATH)) throw new Error(`apt-get installed chromium but ${DEFAULT_PATH} is missing`);
  return DEFAULT_PATH;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await ensureChromium({ log: (line) => console.error(line) }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
