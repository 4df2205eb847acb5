import { Body, Get, Post, Query } from '@nestjs/common';
import type { AuditLogView, Page, StaffSummary } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { PageQueryDto } from '../common/dto/page-query.dto';
import { CreateStaffDto } from './dto/create-staff.dto';
import { StaffController } from './staff-route.decorator';
import { StaffService } from './staff.service';

@StaffController('staff', 'admin: staff', 'admin')
export class StaffAccountsController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  listStaff(): Promise<StaffSummary[]> {
    return this.staff.list();
  }

  @Post()
  createStaff(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateStaffDto): Promise<StaffSummary> {
    return this.staff.create(actor, dto);
  }
}

@StaffController('audit-logs', 'admin: audit', 'admin', 'operator', 'finance')
export class AuditLogController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  listAuditLogs(@Query() query: PageQueryDto): Promise<Page<AuditLogView>> {
    return this.staff.auditLog(query);
  }
}
