import { Body, Controller, Delete, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MyAutoRenewView, StartAutoRenewResponse } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { AutoRenewContractsService } from './auto-renew-contracts.service';
import { StartAutoRenewDto } from './dto/auto-renew.dto';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/auto-renew')
export class MyAutoRenewController {
  constructor(private readonly contracts: AutoRenewContractsService) {}

  @Get()
  @ApiOperation({
    summary: 'My auto-renew: status, tier, amount, next charge, grace (宽限期)',
    operationId: 'getMyAutoRenew',
  })
  @ApiResponseOf('MyAutoRenewView')
  getMyAutoRenew(@CurrentCustomerId() customerId: number): Promise<MyAutoRenewView> {
    return this.contracts.mine(customerId);
  }

  @Post()
  @RateLimit('sensitive')
  @ApiOperation({
    summary: "Opt in: a contract to sign in WeChat, and the parameters that open WeChat's signing mini-program",
    operationId: 'startAutoRenew',
  })
  @ApiResponseOf('StartAutoRenewResponse')
  startAutoRenew(
    @CurrentCustomerId() customerId: number,
    @Body() dto: StartAutoRenewDto,
  ): Promise<StartAutoRenewResponse> {
    return this.contracts.start(customerId, dto.tierId);
  }

  @Delete()
  @HttpCode(204)
  @RateLimit('sensitive')
  @ApiOperation({ summary: 'Cancel auto-renew (at WeChat, then here)', operationId: 'cancelAutoRenew' })
  @ApiNoContentResponse()
  cancelAutoRenew(@CurrentCustomerId() customerId: number): Promise<void> {
    return this.contracts.cancel(customerId);
  }
}
