import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './auth-principal';

/** The customer id set by CustomerAuthGuard (or undefined behind OptionalCustomerAuthGuard). */
export const CurrentCustomerId = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().customer?.customerId,
);

/** The staff principal set by StaffAuthGuard. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().staff,
);
