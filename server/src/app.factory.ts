import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiErrorBody, ErrorCode } from '@member-commerce/shared';
import { PHOTO_UPLOAD_PATH } from './after-sales/after-sales-views';
import { MAX_PHOTO_BYTES } from './after-sales/photo-store';
import { AppModule, AppModuleOptions } from './app.module';
import { createValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config/app-config';

/** Builds the whole application (used by main.ts and by the API tests). */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: true });
  app.enableShutdownHooks();
  acceptImageUploads(app);
  acceptOnlyJsonBodies(app);
  setUpSwagger(app);
  await serveClients(app, options.config);
  return app;
}

const IMAGE_TYPE = /^image\/(jpeg|png|webp)\b/i;
/** The only routes that take a raw image body instead of JSON. */
const IMAGE_UPLOAD_PATHS = [PHOTO_UPLOAD_PATH];

/** Raw image bodies (checked again by the route) up to the photo limit, parsed into a Buffer. */
function acceptImageUploads(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addContentTypeParser(IMAGE_TYPE, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));
}

/** The API speaks JSON: a form or text body is a 415, not an empty object that quietly passes validation. */
function acceptOnlyJsonBodies(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    // Clients often send `content-type: application/json` on a POST with no body; that is no body, not bad JSON.
    if (!hasBody) delete request.headers['content-type'];
    const type = request.headers['content-type'] ?? '';
    if (hasBody && IMAGE_TYPE.test(type) && IMAGE_UPLOAD_PATHS.includes(request.url.split('?')[0])) return;
    if (hasBody && !/^application\/(.+\+)?json\b/i.test(type)) {
      const body: ApiErrorBody = { statusCode: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: 'Send the body as application/json' };
      return reply.status(415).send(body);
    }
  });
}

function setUpSwagger(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('member-commerce API')
      .setDescription('Paid-membership commerce for a WeChat mini-program. Amounts are integer fen; times ISO-8601 UTC.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** The built H5 storefront at /h5/ and admin app at /admin/, each with an index.html fallback for client routes. */
async function serveClients(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const mounts = [
    { prefix: '/h5/', root: config.staticDirs.h5 },
    { prefix: '/admin/', root: config.staticDirs.admin },
  ].filter((mount) => existsSync(mount.root));
  for (const [index, mount] of mounts.entries()) {
    await fastify.register(fastifyStatic, { root: mount.root, prefix: mount.prefix, decorateReply: index === 0, wildcard: false });
    fastify.get(`${mount.prefix}*`, (_request, reply) => reply.sendFile('index.html', mount.root));
  }
  fastify.get('/', (_request, reply) => reply.redirect('/h5/'));
}
