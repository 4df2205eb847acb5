import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import { IsIn, IsOptional } from 'class-validator';
import type { AdminAutoRenewContract, AutoRenewContractStatus, AutoRenewRunResult } from '@member-commerce/shared';
import { Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { AutoRenewAdminService } from './auto-renew-admin.service';
import { RunAutoRenewDto } from './dto/auto-renew.dto';

export class AutoRenewContractsQueryDto {
  @IsOptional()
  @IsIn(['PENDING_SIGN', 'ACTIVE', 'CANCELLED'])
  status?: AutoRenewContractStatus;
}

@StaffController('auto-renew', 'admin: auto-renew', 'admin', 'operator', 'finance', 'support')
export class AutoRenewAdminController {
  constructor(private readonly autoRenew: AutoRenewAdminService) {}

  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Run one auto-renew pass now (dev mode: as if at body.now)',
    operationId: 'adminRunAutoRenew',
  })
  @ApiResponseOf('AutoRenewRunResult')
  runAutoRenew(@Body() dto: RunAutoRenewDto): Promise<AutoRenewRunResult> {
    return this.autoRenew.runNow(dto.now);
  }

  @Get('contracts')
  @ApiOperation({
    summary: 'Auto-renew contracts, newest first, with the next charge and failed charges',
    operationId: 'adminListAutoRenewContracts',
  })
  @ApiResponseOf('AdminAutoRenewContract', { isArray: true })
  @ApiQuery({ name: 'status', required: false, enum: ['PENDING_SIGN', 'ACTIVE', 'CANCELLED'] })
  listAutoRenewContracts(@Query() query: AutoRenewContractsQueryDto): Promise<AdminAutoRenewContract[]> {
    return this.autoRenew.list(query.status);
  }
}
