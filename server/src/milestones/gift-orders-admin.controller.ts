import { Body, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { OrderView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CancelGiftOrderDto } from './dto/cancel-gift-order.dto';
import { GiftCancelService } from './gift-cancel.service';

@StaffController('gift-orders', 'admin: orders', 'admin', 'operator')
export class GiftOrdersAdminController {
  constructor(private readonly cancels: GiftCancelService) {}

  @Post(':id/cancel')
  @ApiOperation({
    summary: 'Cancel an unshipped gift order: the pack goes back to stock and the claim is removed',
    operationId: 'adminCancelGiftOrder',
  })
  @ApiResponseOf('OrderView')
  cancelGiftOrder(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CancelGiftOrderDto,
  ): Promise<OrderView> {
    return this.cancels.cancel(actor, id, dto.reason);
  }
}
