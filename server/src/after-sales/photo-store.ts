import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Image types accepted, by their first bytes (the declared content type is not trusted). */
const SIGNATURES: { ext: string; mime: string; test: (b: Buffer) => boolean }[] = [
  { ext: 'jpg', mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: 'png',
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    ext: 'webp',
    mime: 'image/webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const NAME = /^[0-9a-f-]{36}\.(jpg|png|webp)$/;

export const imageKindOf = (bytes: Buffer) => SIGNATURES.find((signature) => signature.test(bytes)) ?? null;
export const isPhotoName = (name: string) => NAME.test(name);

/**
 * Where after-sales photos live. One small interface so the local-folder version can be swapped for the shop's
 * media storage (object storage) without touching the feature.
 */
export abstract class PhotoStore {
  /** Stores checked image bytes and returns the new name. */
  abstract save(bytes: Buffer, ext: string): Promise<string>;
  abstract exists(name: string): Promise<boolean>;
  abstract read(name: string): Promise<{ bytes: Buffer; mime: string } | null>;
  abstract delete(name: string): Promise<void>;
}

/** Files under `<uploadDir>/after-sales/`, named by random UUIDs. */
export class LocalPhotoStore extends PhotoStore {
  private readonly dir: string;

  constructor(uploadDir: string) {
    super();
    this.dir = join(uploadDir, 'after-sales');
  }

  async save(bytes: Buffer, ext: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `${randomUUID()}.${ext}`;
    await writeFile(join(this.dir, name), bytes, { flag: 'wx' });
    return name;
  }

  async exists(name: string): Promise<boolean> {
    if (!isPhotoName(name)) return false;
    return stat(join(this.dir, name)).then(
      () => true,
      () => false,
    );
  }

  async delete(name: string): Promise<void> {
    if (isPhotoName(name)) await rm(join(this.dir, name), { force: true });
  }

  async read(name: string): Promise<{ bytes: Buffer; mime: string } | null> {
    if (!isPhotoName(name)) return null;
    const bytes = await readFile(join(this.dir, name)).catch(() => null);
    return bytes ? { bytes, mime: imageKindOf(bytes)?.mime ?? 'application/octet-stream' } : null;
  }
}
