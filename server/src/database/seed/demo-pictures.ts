import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/load-config';
import type { MediaService } from '../../media/media.service';

/** Pictures drawn once by scripts/generate-demo-media.mjs, with their thumbnails, committed beside the code. */
const DEMO_MEDIA_DIR = join(REPO_ROOT, 'server', 'assets', 'demo-media');

export const DEMO_BANNER_FILES = ['banner-fresh', 'banner-kitchen', 'banner-tea'] as const;

/** Second SKUs that have a picture of their own. */
export const DEMO_SKU_PICTURES = ['RICE-10KG', 'NUTS-60'] as const;

/**
 * Copies the demo pictures into the file storage (content-hash names, so copying again is harmless) and returns
 * name → URL; names are SKU codes of the first SKU of each demo product, and the banner names.
 */
export async function storeDemoPictures(media: MediaService, names: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const name of names) {
    const [picture, thumbnail] = await Promise.all([
      readFile(join(DEMO_MEDIA_DIR, `${name}.jpg`)),
      readFile(join(DEMO_MEDIA_DIR, `${name}.thumb.jpg`)),
    ]);
    urls.set(name, (await media.store(picture, thumbnail)).url);
  }
  return urls;
}
