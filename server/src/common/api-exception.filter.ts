import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiErrorBody, ErrorCode } from '@member-commerce/shared';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/** Every error leaves the API as `{ statusCode, code, message, details? }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const payload = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const code =
        (payload.code as string) ??
        CODE_BY_STATUS[statusCode] ??
        (statusCode >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST);
      const message = typeof payload.message === 'string' ? payload.message : exception.message;
      return { statusCode, code, message, details: payload.details };
    }
    if (isFastifyClientError(exception)) {
      const statusCode = exception.statusCode;
      return { statusCode, code: CODE_BY_STATUS[statusCode] ?? ErrorCode.BAD_REQUEST, message: exception.message };
    }
    if (exception instanceof QueryFailedError && isUniqueViolation(exception)) {
      return { statusCode: HttpStatus.CONFLICT, code: ErrorCode.CONFLICT, message: 'The record already exists' };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.INTERNAL_ERROR,
      message: 'Internal server error',
    };
  }
}

/** Fastify's own parse errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode. */
function isFastifyClientError(error: unknown): error is Error & { statusCode: number } {
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  return error instanceof Error && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; errno?: number } }).driverError;
  const code = driverError?.code ?? (error as { code?: string }).code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
