import { Body, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import type { AuditLogView, Page, StaffSummary } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { PageQueryDto } from '../common/dto/page-query.dto';
import { CreateStaffDto } from './dto/create-staff.dto';
import { UpdateStaffDto } from './dto/update-staff.dto';
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

  @Patch(':id')
  updateStaff(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateStaffDto): Promise<StaffSummary> {
    return this.staff.setActive(actor, id, dto);
  }
}

// DESIGN.md roles: admin does everything and finance reads everything; the others do not read the audit trail.
@StaffController('audit-logs', 'admin: audit', 'admin', 'finance')
export class AuditLogController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  listAuditLogs(@Query() query: PageQueryDto): Promise<Page<AuditLogView>> {
    return this.staff.auditLog(query);
  }
}
