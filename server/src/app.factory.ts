import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiErrorBody, AVATAR_UPLOAD_PATH, ErrorCode } from '@member-commerce/shared';
import { PHOTO_UPLOAD_PATH } from './after-sales/after-sales-views';
import { MAX_PHOTO_BYTES } from './after-sales/photo-store';
import { AppModule, AppModuleOptions } from './app.module';
import { QuietStartupLogger } from './common/quiet-startup-logger';
import { forbiddenKeyPath } from './common/forbidden-keys';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './common/json-depth';
import { createValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config/app-config';
import { MULTIPART_ROUTES, setUpMedia } from './media/serve-media';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** Builds the whole application (used by main.ts and by the API tests). */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(fastifyOptions(options.config));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    rawBody: true,
  });
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  if (options.config.http.corsOrigins.length > 0) app.enableCors({ origin: options.config.http.corsOrigins });
  app.enableShutdownHooks();
  sendSecurityHeaders(app);
  acceptImageUploads(app);
  acceptOnlyJsonBodies(app);
  refuseDeepBodies(app);
  await setUpMedia(app, options.config);
  setUpSwagger(app);
  await serveClients(app, options.config);
  return app;
}

/** Limits that cut slow or oversized clients instead of holding a socket and memory for them. */
function fastifyOptions({ http }: AppConfig) {
  return {
    bodyLimit: http.bodyLimitBytes,
    trustProxy: http.trustProxy,
    // Whole request (headers and body) within requestTimeout; an idle socket closes after connectionTimeout.
    requestTimeout: http.requestTimeoutMs,
    connectionTimeout: http.connectionTimeoutMs,
    http: {
      headersTimeout: Math.min(http.requestTimeoutMs, 60_000),
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(http.requestTimeoutMs / 4))),
    },
  };
}

/**
 * Every response says what it is and may not be sniffed into something else (an uploaded picture into HTML);
 * the admin app may not be framed by another site (clickjacking a refund button).
 */
function sendSecurityHeaders(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('X-Content-Type-Options', 'nosniff');
      if (request.url === '/admin' || request.url.startsWith('/admin/')) {
        void reply.header('X-Frame-Options', 'DENY');
        void reply.header('Content-Security-Policy', "frame-ancestors 'none'");
      }
    });
}

const IMAGE_TYPE = /^image\/(jpeg|png|webp)\b/i;
/** The only routes that take a raw image body instead of JSON. */
const IMAGE_UPLOAD_PATHS = [PHOTO_UPLOAD_PATH, AVATAR_UPLOAD_PATH];

/** Raw image bodies (checked again by the route) up to the photo limit, parsed into a Buffer. */
function acceptImageUploads(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(IMAGE_TYPE, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) =>
      done(null, body),
    );
}

/** The API speaks JSON: a form or text body is a 415, not an empty object that quietly passes validation. */
function acceptOnlyJsonBodies(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
      const hasBody =
        Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
      // Clients often send `content-type: application/json` on a POST with no body; that is no body, not bad JSON.
      if (!hasBody) delete request.headers['content-type'];
      const type = request.headers['content-type'] ?? '';
      const path = request.url.split('?')[0];
      if (hasBody && IMAGE_TYPE.test(type) && IMAGE_UPLOAD_PATHS.includes(path)) return;
      const multipartAllowed = MULTIPART_ROUTES.includes(path) && /^multipart\/form-data\b/i.test(type);
      if (hasBody && !multipartAllowed && !/^application\/(.+\+)?json\b/i.test(type)) {
        const body: ApiErrorBody = {
          statusCode: 415,
          code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          message: 'Send the body as application/json',
        };
        return reply.status(415).send(body);
      }
    });
}

/**
 * Parsed bodies nested deeper than any DTO, or carrying a key class-transformer would run as code
 * (`constructor`), are a 400 before validation ever walks them, on every route.
 */
function refuseDeepBodies(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request, reply) => {
      if (exceedsJsonDepth(request.body)) {
        const body: ApiErrorBody = {
          statusCode: 400,
          code: ErrorCode.BAD_REQUEST,
          message: `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`,
        };
        return reply.status(400).send(body);
      }
      const forbidden = forbiddenKeyPath(request.body);
      if (forbidden === undefined) return;
      const body: ApiErrorBody = {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: `${forbidden}: a field named "${forbidden.split('.').pop()}" is not accepted`,
      };
      return reply.status(400).send(body);
    });
}

function setUpSwagger(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The built H5 storefront at /h5/ and admin app at /admin/, each with an index.html fallback for client routes. */
async function serveClients(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const mounts = [
    { prefix: '/h5/', root: config.staticDirs.h5 },
    { prefix: '/admin/', root: config.staticDirs.admin },
  ].filter((mount) => existsSync(mount.root));
  for (const [index, mount] of mounts.entries()) {
    await fastify.register(fastifyStatic, {
      root: mount.root,
      prefix: mount.prefix,
      decorateReply: index === 0,
      wildcard: false,
    });
    fastify.get(`${mount.prefix}*`, (_request, reply) => reply.sendFile('index.html', mount.root));
  }
  fastify.get('/', (_request, reply) => reply.redirect('/h5/'));
}
