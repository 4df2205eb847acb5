import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, ExtensionAllowanceView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Membership } from '../membership/membership.entity';

/** The server's ceiling for one extension by any role (ExtendMembershipDto). */
export const MAX_EXTENSION_DAYS = 3660;

/**
 * How far the caller may extend a member, so the dialog shows it before submit. Mirrors the enforcement in
 * MembershipService.extend: today support's cap applies to each extension alone. When that becomes a cap per
 * term, compute `usedDays` here from the same source and switch `scope` to PER_TERM.
 */
@Injectable()
export class ExtensionAllowanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forMember(actor: StaffPrincipal, membershipId: number): Promise<ExtensionAllowanceView> {
    if (!(await this.dataSource.manager.existsBy(Membership, { id: membershipId }))) {
      throw notFound(ErrorCode.MEMBERSHIP_NOT_FOUND, `Membership ${membershipId} not found`);
    }
    const limited = actor.role === 'support';
    const capDays = limited ? Math.min(this.config.supportMaxExtensionDays, MAX_EXTENSION_DAYS) : MAX_EXTENSION_DAYS;
    return { limited, capDays, scope: 'PER_EXTENSION', usedDays: 0, remainingDays: capDays };
  }
}
