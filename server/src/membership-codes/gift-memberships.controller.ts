import { Controller, Get, Param, ParseIntPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { GiftMembershipView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { GiftMembershipsService } from './gift-memberships.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/gift-memberships')
export class GiftMembershipsController {
  constructor(private readonly gifts: GiftMembershipsService) {}

  @Get()
  @ApiOperation({
    summary: 'Memberships I bought as gifts: the code to share and whether it was redeemed',
    operationId: 'listMyGiftMemberships',
  })
  @ApiResponseOf('GiftMembershipView', { isArray: true })
  listMyGiftMemberships(@CurrentCustomerId() customerId: number): Promise<GiftMembershipView[]> {
    return this.gifts.listOwn(customerId);
  }

  @Get(':orderId')
  @ApiOperation({ summary: 'One membership I bought as a gift', operationId: 'getMyGiftMembership' })
  @ApiResponseOf('GiftMembershipView')
  getMyGiftMembership(
    @CurrentCustomerId() customerId: number,
    @Param('orderId', ParseIntPipe) orderId: number,
  ): Promise<GiftMembershipView> {
    return this.gifts.getOwn(customerId, orderId);
  }
}
