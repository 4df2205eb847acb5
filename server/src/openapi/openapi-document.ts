import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { applyResponseSchemas } from './api-response.decorator';
import { API_SCHEMAS } from './api-schemas';

/** The OpenAPI document of the whole API, as served at /api/docs-json and dumped by `dump.ts`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  applyResponseSchemas();
  const document = SwaggerModule.createDocument(
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
  const schemas = document.components?.schemas ?? {};
  const clashes = Object.keys(API_SCHEMAS).filter((name) => name in schemas);
  if (clashes.length > 0) throw new Error(`DTO classes named like shared types: ${clashes.join(', ')}`);
  document.components = { ...document.components, schemas: { ...schemas, ...API_SCHEMAS } };
  return document;
}
