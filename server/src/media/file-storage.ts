/** A stored file as read back. */
export interface StoredFile {
  body: Buffer;
  contentType: string;
}

/**
 * Where uploaded pictures live. Keys are content-hash file names (`<hash>.jpg`), so a key's bytes never change
 * and every URL may be cached for a year.
 */
export interface FileStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  delete(key: string): Promise<void>;
  /** The URL clients load the file from: site-relative (`/media/<key>`) or absolute. */
  url(key: string): string;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Content-addressed files never change: clients and CDNs may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Where the local driver's files are served. */
export const LOCAL_MEDIA_PREFIX = '/media/';

const SAFE_KEY = /^[0-9a-z][0-9a-z._-]{0,127}$/;

/** Keys are made by MediaService; this refuses anything that could climb out of the storage root. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Unsafe storage key "${key}"`);
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
};

export const contentTypeOf = (key: string): string =>
  CONTENT_TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
