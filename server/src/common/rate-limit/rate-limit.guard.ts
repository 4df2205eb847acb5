import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import type { FastifyReply } from 'fastify';
import { ErrorCode } from '@member-commerce/shared';
import { DomainError } from '../domain-error';

/** @nestjs/throttler's guard, answering in the error shape with a plain `Retry-After` header. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('Retry-After', String(detail.timeToBlockExpire));
    throw new DomainError(
      ErrorCode.TOO_MANY_REQUESTS,
      `Too many attempts, retry in ${detail.timeToBlockExpire} s`,
      HttpStatus.TOO_MANY_REQUESTS,
      {
        retryAfterSeconds: detail.timeToBlockExpire,
      },
    );
  }
}
