import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MembershipResponse } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { StartTrialDto } from './dto/start-trial.dto';
import { TrialsService } from './trials.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/trial')
export class TrialsController {
  constructor(private readonly trials: TrialsService) {}

  @Post()
  @ApiOperation({
    summary: 'Start the free trial of a tier (once per customer): member prices and free shipping',
    operationId: 'startTrial',
  })
  @ApiResponseOf('MembershipResponse')
  @ApiConflictResponse({
    description: 'TRIAL_ALREADY_USED, TRIAL_NOT_OFFERED or TRIAL_NOT_AVAILABLE (a current membership)',
  })
  startTrial(@CurrentCustomerId() customerId: number, @Body() dto: StartTrialDto): Promise<MembershipResponse> {
    return this.trials.start(customerId, dto.tierId);
  }
}
