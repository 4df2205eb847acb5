import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { ErrorCode } from '@member-commerce/shared';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { DomainError } from '../domain-error';
import { DatabaseRateLimitStore } from './database-rate-limit-store';

/**
 * Counts only the attempts that fail (a code WeChat refuses, a malformed body) per client address; past the
 * limit the address waits out the window. Successful logins are never counted: thousands of real customers
 * share one carrier-NAT address during a campaign push, and each of them holds a code only WeChat can issue.
 */
@Injectable()
export class FailedAttemptsInterceptor implements NestInterceptor {
  private readonly store: DatabaseRateLimitStore;

  constructor(
    transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.store = new DatabaseRateLimitStore(transactions);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = `failed:${context.getClass().name}.${context.getHandler().name}:ip:${request.ip}`;
    const limit = this.config.rateLimit.customerLoginFailuresPerIp;
    return from(this.store.peek(key)).pipe(
      switchMap(({ hits, secondsLeft }) => {
        if (hits >= limit) {
          void reply.header('Retry-After', String(secondsLeft));
          throw new DomainError(
            ErrorCode.TOO_MANY_REQUESTS,
            `Too many failed attempts, retry in ${secondsLeft} s`,
            HttpStatus.TOO_MANY_REQUESTS,
            {
              retryAfterSeconds: secondsLeft,
            },
          );
        }
        return next.handle().pipe(
          catchError((error: unknown) => {
            if (!isClientFailure(error)) return throwError(() => error);
            return from(this.store.increment(key, this.config.rateLimit.windowSeconds * 1000, limit)).pipe(
              switchMap(() => throwError(() => error)),
            );
          }),
        );
      }),
    );
  }
}

/** A refusal of what the client sent (4xx); our own or WeChat's outages (5xx) are not the client's failures. */
function isClientFailure(error: unknown): boolean {
  const status = error instanceof HttpException ? error.getStatus() : error instanceof DomainError ? error.status : 500;
  return status >= 400 && status < 500;
}
