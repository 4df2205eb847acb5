import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, StaffRole } from '@member-commerce/shared';
import { AuthenticatedRequest, bearerToken, TokenPayload } from '../common/auth-principal';
import { ROLES_KEY } from './roles.decorator';
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
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    // DESIGN.md roles: finance reads everything; what a route lists restricts what each role may change.
    const financeRead = user.role === 'finance' && request.method === 'GET';
    if (allowed && !allowed.includes(user.role) && !financeRead) {
      throw new ForbiddenException({ code: ErrorCode.FORBIDDEN, message: `The ${user.role} role may not do this` });
    }
    request.staff = { kind: 'staff', staffId: user.id, username: user.username, role: user.role };
    return true;
  }

  private async authenticate(token: string | undefined): Promise<StaffUser> {
    const unauthenticated = new UnauthorizedException({ code: ErrorCode.UNAUTHENTICATED, message: 'Staff login required' });
    if (!token) throw unauthenticated;
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw unauthenticated;
    }
    if (payload.typ !== 'staff') throw new ForbiddenException({ code: ErrorCode.FORBIDDEN, message: 'Staff only' });
    const user = await this.staff.findOneBy({ id: payload.sub });
    if (!user?.active) throw unauthenticated;
    return user;
  }
}
