import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import { ApiSchemaName, schemaRef } from './api-schemas';

interface ResponseOfOptions {
  isArray?: boolean;
  /** The body may be JSON `null`. */
  nullable?: boolean;
  /** Defaults to the route's own status: its @HttpCode, else 201 for POST, 200 otherwise. */
  status?: number;
  description?: string;
}

interface Pending {
  target: object;
  key: string | symbol;
  descriptor: PropertyDescriptor;
  name: ApiSchemaName;
  options: ResponseOfOptions;
}

const pending: Pending[] = [];

/**
 * Documents a route's 2xx body as a generated schema (a shared/ type by name), e.g. `@ApiResponseOf('OrderView')`.
 * The status is read when the document is built, so the decorator's place among @Post/@HttpCode does not matter.
 */
export function ApiResponseOf(name: ApiSchemaName, options: ResponseOfOptions = {}): MethodDecorator {
  return (target, key, descriptor) => {
    pending.push({ target, key, descriptor, name, options });
  };
}

/** A streamed file download (CSV, XLSX, an image) of these content types. */
export function ApiFileResponse(...contentTypes: string[]): MethodDecorator {
  return (target, key, descriptor) => {
    ApiProduces(...contentTypes)(target, key, descriptor);
    ApiResponse({
      status: HttpStatus.OK,
      description: 'The file',
      schema: { type: 'string', format: 'binary' },
    })(target, key, descriptor);
  };
}

function routeStatus(handler: object): number {
  const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  if (code) return code;
  return Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
}

/** Turns every `@ApiResponseOf` into Swagger response metadata; called before the document is built. */
export function applyResponseSchemas(): void {
  for (const { target, key, descriptor, name, options } of pending) {
    const ref = schemaRef(name);
    const item = options.nullable && !options.isArray ? { allOf: [ref], nullable: true } : ref;
    ApiResponse({
      status: options.status ?? routeStatus(descriptor.value as object),
      description: options.description ?? name,
      schema: options.isArray ? { type: 'array', items: item } : item,
    })(target, key, descriptor);
  }
}
