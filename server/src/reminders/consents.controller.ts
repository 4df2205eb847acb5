import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { ConsentCreditsView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { ConsentsService } from './consents.service';
import { RecordConsentsDto } from './dto/record-consents.dto';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @ApiOperation({ summary: 'My unused subscribe-message consents per template', operationId: 'getMyConsents' })
  @ApiResponseOf('ConsentCreditsView')
  getMyConsents(@CurrentCustomerId() customerId: number): Promise<ConsentCreditsView> {
    return this.consents.creditsOf(customerId);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record subscribe-message consents (renewal reminders)', operationId: 'recordConsents' })
  @ApiResponseOf('ConsentCreditsView')
  recordConsents(@CurrentCustomerId() customerId: number, @Body() dto: RecordConsentsDto): Promise<ConsentCreditsView> {
    return this.consents.record(customerId, dto.templateIds);
  }
}
