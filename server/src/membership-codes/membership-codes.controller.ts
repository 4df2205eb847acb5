import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MembershipResponse } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { CodeRedemptionService } from './code-redemption.service';
import { RedeemCodeDto } from './dto/code-batch.dto';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/membership-codes')
export class MembershipCodesController {
  constructor(private readonly redemption: CodeRedemptionService) {}

  @Post('redeem')
  @RateLimit('redeem')
  @ApiOperation({
    summary: 'Redeem a membership code: the term starts now or after the current term of the same tier',
    operationId: 'redeemMembershipCode',
  })
  @ApiResponseOf('MembershipResponse')
  @ApiNotFoundResponse({ description: 'CODE_NOT_FOUND: unknown, void or expired' })
  @ApiConflictResponse({ description: 'CODE_ALREADY_REDEEMED' })
  redeemMembershipCode(
    @CurrentCustomerId() customerId: number,
    @Body() dto: RedeemCodeDto,
  ): Promise<MembershipResponse> {
    return this.redemption.redeem(customerId, dto.code);
  }
}
