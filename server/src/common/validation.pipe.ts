import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@member-commerce/shared';
import { DomainError } from './domain-error';
import { undeclaredNulls } from './null-fields';

interface FieldProblem {
  field: string;
  problems: string[];
  /** A specific error code a constraint asked for via `context: { code }`. */
  code?: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const code = Object.values(error.contexts ?? {}).find((context) => context?.code)?.code as string | undefined;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints), code }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A JSON array where an object DTO is expected would slip past class-validator as "valid": refuse it. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject =
      metadata.type === 'body' &&
      typeof metadata.metatype === 'function' &&
      metadata.metatype !== Array &&
      metadata.metatype !== Object;
    if (expectsObject && (Array.isArray(value) || value === null || typeof value !== 'object')) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request body must be a JSON object', 400);
    }
    const nulls = expectsObject ? undeclaredNulls(value, metadata.metatype) : [];
    if (nulls.length > 0) {
      const details = nulls.map((field) => ({ field, problems: [`${field} must not be null`] }));
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `${nulls.join(', ')} must not be null (leave a field out to keep it)`,
        400,
        details,
      );
    }
    return super.transform(value, metadata);
  }
}

/** class-validator on every body and query; unknown fields (a client-sent price, say) are stripped, never trusted. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => d.problems.join(', ')).join('; ') || 'Invalid input';
      const code = (details.find((d) => d.code)?.code ?? ErrorCode.VALIDATION_FAILED) as ErrorCode;
      return new DomainError(
        code,
        message,
        400,
        details.map(({ field, problems }) => ({ field, problems })),
      );
    },
  });
}
