import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MyGiftPacksView, OrderView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { ClaimGiftPackDto } from './dto/claim-gift-pack.dto';
import { GiftClaimsService } from './gift-claims.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/gift-packs')
export class GiftPacksController {
  constructor(private readonly gifts: GiftClaimsService) {}

  @Get()
  @ApiOperation({ summary: 'Gift packs I may claim now, and gift orders already made', operationId: 'getMyGiftPacks' })
  @ApiResponseOf('MyGiftPacksView')
  getMyGiftPacks(@CurrentCustomerId() customerId: number): Promise<MyGiftPacksView> {
    return this.gifts.myGiftPacks(customerId);
  }

  @Post('claim')
  @RateLimit('sensitive')
  @ApiOperation({
    summary: 'Claim the welcome pack (if not chosen at purchase) or a reached milestone pack',
    operationId: 'claimGiftPack',
  })
  @ApiResponseOf('OrderView')
  claimGiftPack(@CurrentCustomerId() customerId: number, @Body() dto: ClaimGiftPackDto): Promise<OrderView> {
    return this.gifts.claim(customerId, dto);
  }
}
