import { Body, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type {
  AuditLogFacets,
  AuditLogView,
  Page,
  ResetStaffPasswordResponse,
  StaffSummary,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { AuditLogReader } from './audit-log-reader.service';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';
import { CreateStaffDto } from './dto/create-staff.dto';
import { ResetStaffPasswordDto } from './dto/reset-staff-password.dto';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffController } from './staff-route.decorator';
import { StaffService } from './staff.service';

@StaffController('staff', 'admin: staff', 'admin')
export class StaffAccountsController {
  constructor(
    private readonly staff: StaffService,
    private readonly accounts: StaffAccountsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts', operationId: 'adminListStaff' })
  @ApiResponseOf('StaffSummary', { isArray: true })
  listStaff(): Promise<StaffSummary[]> {
    return this.staff.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account with a role', operationId: 'adminCreateStaff' })
  @ApiResponseOf('StaffSummary')
  createStaff(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateStaffDto): Promise<StaffSummary> {
    return this.staff.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Enable or disable a staff account or change its role (the last active admin stays one)',
    operationId: 'adminUpdateStaff',
  })
  @ApiResponseOf('StaffSummary')
  updateStaff(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffSummary> {
    return this.accounts.update(actor, id, dto);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset a staff member's password (chosen, or a one-time temporary one); they change it at login",
    operationId: 'adminResetStaffPassword',
  })
  @ApiResponseOf('ResetStaffPasswordResponse')
  resetStaffPassword(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ResetStaffPasswordDto,
  ): Promise<ResetStaffPasswordResponse> {
    return this.accounts.resetPassword(actor, id, dto);
  }
}

// Roles: admin does everything and finance reads everything; the others do not read the audit trail.
@StaffController('audit-logs', 'admin: audit', 'admin', 'finance')
export class AuditLogController {
  constructor(private readonly logs: AuditLogReader) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log, filtered by actor, action and entity, newest first',
    operationId: 'adminListAuditLogs',
  })
  @ApiResponseOf('AuditLogViewPage')
  listAuditLogs(@Query() query: AuditLogQueryDto): Promise<Page<AuditLogView>> {
    return this.logs.search(query);
  }

  @Get('facets')
  @ApiOperation({
    summary: 'The actors, actions and entities the audit log can be filtered by',
    operationId: 'adminAuditLogFacets',
  })
  @ApiResponseOf('AuditLogFacets')
  auditLogFacets(): Promise<AuditLogFacets> {
    return this.logs.facets();
  }
}
