import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { TrialStatsView } from '@member-commerce/shared';
import { ALL_STAFF } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { TrialStatsService } from './trial-stats.service';

@StaffController('trials', 'admin: trials', ...ALL_STAFF)
export class TrialsAdminController {
  constructor(private readonly stats: TrialStatsService) {}

  @Get('stats')
  @ApiOperation({ summary: 'Trial conversion: trials started, running, converted to a paid membership' })
  @ApiOkResponse({ description: '{ started, inTrial, converted, conversionRate, byTier[] }' })
  getTrialStats(): Promise<TrialStatsView> {
    return this.stats.stats();
  }
}
