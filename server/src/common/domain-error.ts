import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@member-commerce/shared';

/** A rule said no. The exception filter maps it to the error body. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (code: ErrorCode, message: string) => new DomainError(code, message, HttpStatus.NOT_FOUND);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new DomainError(code, message, HttpStatus.CONFLICT, details);
export const badRequest = (code: ErrorCode, message: string, details?: unknown) =>
  new DomainError(code, message, HttpStatus.BAD_REQUEST, details);
export const forbidden = (code: ErrorCode, message: string) => new DomainError(code, message, HttpStatus.FORBIDDEN);
