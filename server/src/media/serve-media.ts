import { mkdirSync } from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';
import { LOCAL_MEDIA_PREFIX } from './file-storage';

/** Routes that take multipart bodies; everything else speaks JSON only. */
export const MULTIPART_ROUTES = ['/api/admin/media'];

/**
 * Multipart parsing for uploads, and, for the local driver, the stored files at /media/ with a year-long
 * immutable cache (names are content hashes, so a name's bytes never change).
 */
export async function setUpMedia(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyMultipart, { limits: { fileSize: config.media.maxUploadBytes, files: 1, fields: 5 } });
  const storage = config.media.storage;
  if (storage.driver !== 'local') return;
  mkdirSync(storage.dir, { recursive: true });
  await fastify.register(fastifyStatic, {
    root: storage.dir,
    prefix: LOCAL_MEDIA_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: true,
    maxAge: 365 * 24 * 3600 * 1000,
    immutable: true,
  });
}
