import { Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { DashboardView } from '@member-commerce/shared';
import { StaffController } from '../staff/staff-route.decorator';
import { DashboardService } from './dashboard.service';

@StaffController('dashboard', 'admin: dashboard', 'admin', 'operator', 'finance')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({ summary: 'Members, renewals, expiries, membership revenue by month and top member-priced products' })
  getDashboard(): Promise<DashboardView> {
    return this.dashboard.overview();
  }
}
