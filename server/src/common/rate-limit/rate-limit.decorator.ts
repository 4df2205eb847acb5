import { applyDecorators, SetMetadata, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { FailedAttemptsInterceptor } from './failed-attempts.interceptor';
import { RateLimitGuard } from './rate-limit.guard';

/** Which limits of `RateLimitConfig` a route counts against. */
export type RateLimitPolicy = 'login' | 'sensitive' | 'redeem';

export const RATE_LIMIT_POLICY = 'rateLimitPolicy';

/**
 * Counts the route's requests per account and per client IP; past either limit it answers 429
 * TOO_MANY_REQUESTS with Retry-After. Put it after the auth guard so the account is known.
 */
export const RateLimit = (policy: RateLimitPolicy) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_POLICY, policy),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ description: 'Too many attempts; retry after the Retry-After seconds' }),
  );

/** Counts only the route's failed attempts per client address (see FailedAttemptsInterceptor); 429 past the limit. */
export const LimitFailedAttempts = () =>
  applyDecorators(
    UseInterceptors(FailedAttemptsInterceptor),
    ApiTooManyRequestsResponse({
      description: 'Too many failed attempts from this address; retry after the Retry-After seconds',
    }),
  );
