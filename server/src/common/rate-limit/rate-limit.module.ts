import { ExecutionContext, Global, Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth-principal';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { DatabaseRateLimitStore } from './database-rate-limit-store';
import { FailedAttemptsInterceptor } from './failed-attempts.interceptor';
import { RATE_LIMIT_POLICY, RateLimitPolicy } from './rate-limit.decorator';
import { RateLimitGuard } from './rate-limit.guard';

const reflector = new Reflector();
const policyOf = (context: ExecutionContext) =>
  reflector.getAllAndOverride<RateLimitPolicy | undefined>(RATE_LIMIT_POLICY, [
    context.getHandler(),
    context.getClass(),
  ]);

type TrackedRequest = AuthenticatedRequest & { ip: string; body?: unknown };

/** Who is trying: the signed-in principal, else the username being tried, else the address. */
function accountOf(request: TrackedRequest): string {
  if (request.staff) return `staff:${request.staff.staffId}`;
  if (request.customer) return `customer:${request.customer.customerId}`;
  const body = (request.body ?? {}) as { username?: unknown; code?: unknown };
  if (typeof body.username === 'string') return `username:${body.username.toLowerCase().slice(0, 64)}`;
  if (typeof body.code === 'string') return `code:${body.code.slice(0, 128)}`;
  return `ip:${request.ip}`;
}

function throttlers(config: AppConfig): ThrottlerOptions[] {
  const ttl = config.rateLimit.windowSeconds * 1000;
  return (['login', 'sensitive', 'redeem'] as const).flatMap((policy) => {
    const limits = config.rateLimit[policy];
    const skipIf = (context: ExecutionContext) => policyOf(context) !== policy;
    return [
      {
        name: `${policy}-account`,
        ttl,
        limit: limits.perAccount,
        skipIf,
        getTracker: (req: object) => accountOf(req as TrackedRequest),
      },
      {
        name: `${policy}-ip`,
        ttl,
        limit: limits.perIp,
        skipIf,
        getTracker: (req: object) => `ip:${(req as TrackedRequest).ip}`,
      },
    ];
  });
}

/** Rate limits for `@RateLimit(...)` routes, counted in the database so every API process shares them. */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, Transactions],
      useFactory: (config: AppConfig, transactions: Transactions) => ({
        throttlers: throttlers(config),
        storage: new DatabaseRateLimitStore(transactions),
        setHeaders: false,
      }),
    }),
  ],
  providers: [RateLimitGuard, FailedAttemptsInterceptor],
  exports: [RateLimitGuard, FailedAttemptsInterceptor, ThrottlerModule],
})
export class RateLimitModule {}
