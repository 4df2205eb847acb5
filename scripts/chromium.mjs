import { existsSync } from 'node:fs';
import { aptInstall, commandExists } from './lib.mjs';

/** Debian's Chromium (and a CJK font, so screenshots show Chinese), installed with apt-get when missing. */
export async function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [];
  if (!existsSync(path)) missing.push('chromium');
  if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc') && commandExists('apt-get')) missing.push('fonts-wqy-microhei');
  if (missing.length) await aptInstall(missing, 'the browser tests');
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}`);
  return path;
}
