import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, ExtensionAllowanceView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Membership } from '../membership/membership.entity';
import { MembershipTermsService } from '../membership/membership-terms.service';

/** The server's ceiling for one extension by any role (ExtendMembershipDto). */
const MAX_EXTENSION_DAYS = 3660;

/**
 * How far the caller may extend a member, so the dialog shows it before submit. Mirrors the enforcement in
 * MembershipTermsService.extendChecked: support's cap adds up over the grants of the current paid term.
 */
@Injectable()
export class ExtensionAllowanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly terms: MembershipTermsService,
  ) {}

  async forMember(actor: StaffPrincipal, membershipId: number): Promise<ExtensionAllowanceView> {
    if (!(await this.dataSource.manager.existsBy(Membership, { id: membershipId }))) {
      throw notFound(ErrorCode.MEMBERSHIP_NOT_FOUND, `Membership ${membershipId} not found`);
    }
    const limited = actor.role === 'support';
    if (!limited)
      return {
        limited,
        capDays: MAX_EXTENSION_DAYS,
        scope: 'PER_EXTENSION',
        usedDays: 0,
        remainingDays: MAX_EXTENSION_DAYS,
      };
    const capDays = Math.min(this.config.supportMaxExtensionDays, MAX_EXTENSION_DAYS);
    const usedDays = await this.terms.grantedDaysThisTerm(this.dataSource.manager, membershipId, actor.role);
    return { limited, capDays, scope: 'PER_TERM', usedDays, remainingDays: Math.max(0, capDays - usedDays) };
  }
}
