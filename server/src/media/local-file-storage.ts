import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSafeKey, contentTypeOf, FileStorage, LOCAL_MEDIA_PREFIX, StoredFile } from './file-storage';

/** Files in a folder under the data directory, served by the app at /media/ with year-long cache headers. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  async put(key: string, body: Buffer): Promise<void> {
    assertSafeKey(key);
    await mkdir(this.dir, { recursive: true });
    // Write then rename: a reader never sees half a file under its final, cacheable name.
    const partial = join(this.dir, `.${key}.${process.pid}.${Date.now()}.part`);
    await writeFile(partial, body);
    await rename(partial, join(this.dir, key));
  }

  async get(key: string): Promise<StoredFile | null> {
    assertSafeKey(key);
    try {
      return { body: await readFile(join(this.dir, key)), contentType: contentTypeOf(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await rm(join(this.dir, key), { force: true });
  }

  url(key: string): string {
    return `${LOCAL_MEDIA_PREFIX}${key}`;
  }
}
