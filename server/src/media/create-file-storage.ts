import type { StorageConfig } from '../config/app-config';
import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The storage driver the typed config names; the one place that chooses. */
export function createFileStorage(config: StorageConfig): FileStorage {
  switch (config.driver) {
    case 'local':
      return new LocalFileStorage(config.dir);
    case 's3':
      return new S3FileStorage(config);
  }
}
