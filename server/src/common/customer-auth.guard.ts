import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@member-commerce/shared';
import { AuthenticatedRequest, bearerToken } from './auth-principal';
import { verifySessionToken } from './session-token';

async function verifyCustomer(jwt: JwtService, token: string): Promise<number | undefined> {
  return (await verifySessionToken(jwt, token, 'customer'))?.sub;
}

/** Customer routes: a valid customer token is required. */
@Injectable()
export class CustomerAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    const customerId = token ? await verifyCustomer(this.jwt, token) : undefined;
    if (!customerId) throw new UnauthorizedException({ code: ErrorCode.UNAUTHENTICATED, message: 'Log in first' });
    request.customer = { kind: 'customer', customerId };
    return true;
  }
}

/** Public routes that answer differently for a logged-in customer (prices). A bad token counts as anonymous. */
@Injectable()
export class OptionalCustomerAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    const customerId = token ? await verifyCustomer(this.jwt, token) : undefined;
    if (customerId) request.customer = { kind: 'customer', customerId };
    return true;
  }
}
