import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/load-config';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Builds the OpenAPI document without a database or a listening server (Nest's preview mode resolves the
 * modules but instantiates nothing), with the dev WeChat simulator's routes included like a dev server.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', WECHAT_MODE: 'dev', SCHEDULERS: '0', DATABASE_URL: 'sqlite::memory:' });
  const app = await NestFactory.create(AppModule.forRoot({ config }), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  return document;
}

if (require.main === module) {
  buildOpenApiDocumentOffline().then(
    (document) => process.stdout.write(`${JSON.stringify(document, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
