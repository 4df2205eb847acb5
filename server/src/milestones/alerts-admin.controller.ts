import { Body, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { StaffAlertView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { ResolveAlertDto } from './dto/resolve-alert.dto';
import { StaffAlertsService } from './staff-alerts.service';

@StaffController('alerts', 'admin: alerts', ...ALL_STAFF)
export class AlertsAdminController {
  constructor(private readonly alerts: StaffAlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Open staff alerts (things that need a person)', operationId: 'adminListAlerts' })
  @ApiResponseOf('StaffAlertView', { isArray: true })
  listAlerts(): Promise<StaffAlertView[]> {
    return this.alerts.recent();
  }

  @Post(':id/resolve')
  @Roles('admin', 'operator', 'finance')
  @ApiOperation({ summary: 'Resolve an alert with a note (who and when are kept)', operationId: 'adminResolveAlert' })
  @ApiResponseOf('StaffAlertView')
  resolveAlert(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ResolveAlertDto,
  ): Promise<StaffAlertView> {
    return this.alerts.resolve(actor, id, dto.note);
  }
}
