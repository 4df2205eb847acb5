import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the whole API, as served at /api/docs-json and dumped by `dump.ts`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('member-commerce API')
      .setDescription(
        'Paid-membership commerce for a WeChat mini-program. Amounts are integer fen; times ISO-8601 UTC.',
      )
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
}
