import { Body, Get, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiFileResponse, ApiResponseOf } from '../openapi/api-response.decorator';
import type { AdminMemberRow, AdminMemberView, ExtensionAllowanceView, Page } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ExtendMembershipDto, RevokeMembershipDto } from '../membership/dto/member-action.dto';
import { MembershipService } from '../membership/membership.service';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { MemberExportQueryDto, MemberQueryDto } from './dto/member-query.dto';
import { ExtensionAllowanceService } from './extension-allowance.service';
import { MembersExportService } from './members-export.service';
import { MembersReadService } from './members-read.service';
import { AuditedDownload } from '../staff/audited-download';

/** Every /api/admin/members route: the member list and its export (read here), one member and its actions. */
@StaffController('members', 'admin: members', ...ALL_STAFF)
export class MembersAdminController {
  constructor(
    private readonly members: MembersReadService,
    private readonly exports: MembersExportService,
    private readonly allowance: ExtensionAllowanceService,
    private readonly memberships: MembershipService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Members by nickname/phone, status, tier and "expires within N days", with spend and savings',
    operationId: 'adminSearchMembers',
  })
  @ApiResponseOf('AdminMemberRowPage')
  searchMembers(@Query() query: MemberQueryDto): Promise<Page<AdminMemberRow>> {
    return this.members.search(query);
  }

  @Get('export')
  @Roles('admin', 'operator', 'finance')
  @ApiOperation({
    summary: 'The filtered member list as a streamed CSV (UTF-8 with BOM)',
    operationId: 'adminExportMembers',
  })
  @ApiFileResponse('text/csv')
  @AuditedDownload({ action: 'members.download', entity: 'membership' })
  exportMembers(@Query() query: MemberExportQueryDto): StreamableFile {
    return new StreamableFile(this.exports.export(query), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="members.csv"',
    });
  }

  @Get(':membershipId')
  @ApiOperation({ summary: 'One member with their terms, spend and savings', operationId: 'adminGetMember' })
  @ApiResponseOf('AdminMemberView')
  getMember(@Param('membershipId', ParseIntPipe) id: number): Promise<AdminMemberView> {
    return this.memberships.getForStaff(id);
  }

  @Get(':membershipId/extension-allowance')
  @Roles('admin', 'operator', 'support')
  @ApiOperation({
    summary: 'How many days the caller may extend this member, before they submit',
    operationId: 'adminExtensionAllowance',
  })
  @ApiResponseOf('ExtensionAllowanceView')
  extensionAllowance(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('membershipId', ParseIntPipe) id: number,
  ): Promise<ExtensionAllowanceView> {
    return this.allowance.forMember(actor, id);
  }

  /** Support may extend too, by at most SUPPORT_MAX_EXTENSION_DAYS in all per term. */
  @Post(':membershipId/extend')
  @ApiOperation({ summary: "Extend a member's current term by some days (audited)", operationId: 'adminExtendMember' })
  @ApiResponseOf('AdminMemberView')
  @Roles('admin', 'operator', 'support')
  extendMember(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('membershipId', ParseIntPipe) id: number,
    @Body() dto: ExtendMembershipDto,
  ): Promise<AdminMemberView> {
    return this.memberships.extend(actor, id, dto);
  }

  @Post(':membershipId/revoke')
  @ApiOperation({ summary: 'Revoke a membership (audited)', operationId: 'adminRevokeMember' })
  @ApiResponseOf('AdminMemberView')
  @Roles('admin', 'operator')
  revokeMember(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('membershipId', ParseIntPipe) id: number,
    @Body() dto: RevokeMembershipDto,
  ): Promise<AdminMemberView> {
    return this.memberships.revoke(actor, id, dto);
  }
}
