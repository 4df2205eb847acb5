import { Get } from '@nestjs/common';
import type { StaffAlertView } from '@member-commerce/shared';
import { ALL_STAFF } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { StaffAlertsService } from './staff-alerts.service';

@StaffController('alerts', 'admin: alerts', ...ALL_STAFF)
export class AlertsAdminController {
  constructor(private readonly alerts: StaffAlertsService) {}

  @Get()
  listAlerts(): Promise<StaffAlertView[]> {
    return this.alerts.recent();
  }
}
