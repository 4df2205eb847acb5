import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where finished export files are kept; swap for object storage without touching the export code. */
export abstract class ExportStorage {
  abstract openWrite(key: string): Writable;
  abstract openRead(key: string): Readable;
  abstract size(key: string): Promise<number>;
  abstract remove(key: string): Promise<void>;
}

/** Files in a local directory (config `EXPORT_DIR`; several API processes need it on a shared volume). */
export class LocalExportStorage extends ExportStorage {
  constructor(private readonly dir: string) {
    super();
  }

  openWrite(key: string): Writable {
    mkdirSync(this.dir, { recursive: true });
    return createWriteStream(this.path(key));
  }

  openRead(key: string): Readable {
    return createReadStream(this.path(key));
  }

  async size(key: string): Promise<number> {
    return (await stat(this.path(key))).size;
  }

  async remove(key: string): Promise<void> {
    await unlink(this.path(key)).catch(() => undefined);
  }

  private path(key: string): string {
    if (!/^[\w.-]+$/.test(key)) throw new Error(`Bad export storage key ${key}`);
    return join(this.dir, key);
  }
}
