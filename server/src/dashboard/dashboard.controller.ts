import { Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { DashboardTodo, DashboardView } from '@member-commerce/shared';
import { Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { DashboardService } from './dashboard.service';
import { DashboardTodosService } from './dashboard-todos.service';

@StaffController('dashboard', 'admin: dashboard', 'admin', 'operator', 'finance')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly todos: DashboardTodosService,
  ) {}

  @Get('todos')
  @Roles('admin', 'operator', 'finance', 'support')
  @ApiOperation({
    summary: 'The queues waiting for staff (to ship, after-sales, refund approvals, low stock) with links',
    operationId: 'adminGetTodos',
  })
  @ApiResponseOf('DashboardTodo', { isArray: true })
  getTodos(): Promise<DashboardTodo[]> {
    return this.todos.todos();
  }

  @Get()
  @ApiOperation({
    summary: 'Members, renewals, expiries, membership revenue and product sales by month, top products',
    operationId: 'adminGetDashboard',
  })
  @ApiResponseOf('DashboardView')
  getDashboard(): Promise<DashboardView> {
    return this.dashboard.overview();
  }
}
