import { Body, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import type { AdminMemberView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { ExtendMembershipDto, RevokeMembershipDto } from './dto/member-action.dto';
import { MembershipService } from './membership.service';

/** The member list, its export and the extension allowance are read in back-office/MembersReadController. */
@StaffController('members', 'admin: members', ...ALL_STAFF)
export class MembersAdminController {
  constructor(private readonly memberships: MembershipService) {}

  @Get(':membershipId')
  getMember(@Param('membershipId', ParseIntPipe) id: number): Promise<AdminMemberView> {
    return this.memberships.getForStaff(id);
  }

  /** Support may extend too, by at most SUPPORT_MAX_EXTENSION_DAYS in all per term. */
  @Post(':membershipId/extend')
  @Roles('admin', 'operator', 'support')
  extendMember(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('membershipId', ParseIntPipe) id: number,
    @Body() dto: ExtendMembershipDto,
  ): Promise<AdminMemberView> {
    return this.memberships.extend(actor, id, dto);
  }

  @Post(':membershipId/revoke')
  @Roles('admin', 'operator')
  revokeMember(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('membershipId', ParseIntPipe) id: number,
    @Body() dto: RevokeMembershipDto,
  ): Promise<AdminMemberView> {
    return this.memberships.revoke(actor, id, dto);
  }
}
