import { Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { TrialStatsView } from '@member-commerce/shared';
import { ALL_STAFF } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { TrialStatsService } from './trial-stats.service';

@StaffController('trials', 'admin: trials', ...ALL_STAFF)
export class TrialsAdminController {
  constructor(private readonly stats: TrialStatsService) {}

  @Get('stats')
  @ApiOperation({
    summary: 'Trial conversion: trials started, running, converted to a paid membership',
    operationId: 'adminGetTrialStats',
  })
  @ApiResponseOf('TrialStatsView')
  getTrialStats(): Promise<TrialStatsView> {
    return this.stats.stats();
  }
}
