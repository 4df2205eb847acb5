import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, StaffRole } from '@member-commerce/shared';
import { AuthenticatedRequest, bearerToken } from '../common/auth-principal';
import { verifySessionToken } from '../common/session-token';
import { OPEN_BEFORE_PASSWORD_CHANGE_KEY, ROLES_KEY } from './roles.decorator';
import { StaffUser } from './staff-user.entity';

/** Staff routes: a staff token of an active account whose role the handler allows. */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    @InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.authenticate(bearerToken(request));
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const openBeforePasswordChange = this.reflector.getAllAndOverride<boolean | undefined>(
      OPEN_BEFORE_PASSWORD_CHANGE_KEY,
      [context.getHandler(), context.getClass()],
    );
    if (user.mustChangePassword && !openBeforePasswordChange) {
      throw new ForbiddenException({
        code: ErrorCode.PASSWORD_CHANGE_REQUIRED,
        message: 'This password was reset: change it before doing anything else',
      });
    }
    // Roles: finance reads everything; what a route lists restricts what each role may change.
    const financeRead = user.role === 'finance' && request.method === 'GET';
    if (allowed && !allowed.includes(user.role) && !financeRead) {
      throw new ForbiddenException({ code: ErrorCode.FORBIDDEN, message: `The ${user.role} role may not do this` });
    }
    request.staff = { kind: 'staff', staffId: user.id, username: user.username, role: user.role };
    return true;
  }

  private async authenticate(token: string | undefined): Promise<StaffUser> {
    const unauthenticated = new UnauthorizedException({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'Staff login required',
    });
    if (!token) throw unauthenticated;
    const payload = await verifySessionToken(this.jwt, token, 'staff');
    if (!payload) {
      if (await verifySessionToken(this.jwt, token, 'customer'))
        throw new ForbiddenException({ code: ErrorCode.FORBIDDEN, message: 'Staff only' });
      throw unauthenticated;
    }
    const user = await this.staff.findOneBy({ id: payload.sub });
    // A disabled account, or a token issued before the last password change, no longer opens anything.
    if (!user?.active || issuedBeforePasswordChange(payload.iat, user.passwordChangedAt)) throw unauthenticated;
    return user;
  }
}

/** `iat` has whole seconds: a token from the same second as the change still counts as after it. */
function issuedBeforePasswordChange(issuedAtSeconds: number, changedAt: Date | null): boolean {
  return changedAt !== null && issuedAtSeconds < Math.floor(changedAt.getTime() / 1000);
}
