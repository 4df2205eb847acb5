import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import generated from './api-schemas.generated.json';

/** The name of a generated response schema: a type of shared/ (or of `response-types.ts`). */
export type ApiSchemaName = keyof typeof generated.schemas;

/** Every generated schema, registered as `components.schemas` of the document. */
export const API_SCHEMAS = generated.schemas as unknown as Record<ApiSchemaName, SchemaObject>;

export const schemaRef = (name: ApiSchemaName) => ({ $ref: `#/components/schemas/${name}` });
