import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@member-commerce/shared';
import { DomainError } from './domain-error';

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

/** class-validator on every body and query; unknown fields (a client-sent price, say) are stripped, never trusted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => d.problems.join(', ')).join('; ') || 'Invalid input';
      const code = (details.find((d) => d.code)?.code ?? ErrorCode.VALIDATION_FAILED) as ErrorCode;
      return new DomainError(code, message, 400, details.map(({ field, problems }) => ({ field, problems })));
    },
  });
}
