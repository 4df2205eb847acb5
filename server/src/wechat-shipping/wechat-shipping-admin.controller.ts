import { Body, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { WechatShippingView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { WechatShippingViewDto } from './wechat-shipping.dto';
import { WechatShippingService } from './wechat-shipping.service';

@StaffController('orders', 'admin: orders', ...ALL_STAFF)
export class WechatShippingAdminController {
  constructor(private readonly shipping: WechatShippingService) {}

  @Get(':id/wechat-shipping')
  @ApiOperation({
    summary: "The order's shipping information at WeChat (upload status, errcode explained); null when none is needed",
  })
  @ApiOkResponse({ type: WechatShippingViewDto })
  getWechatShipping(@Param('id', ParseIntPipe) id: number): Promise<WechatShippingView | null> {
    return this.shipping.view(id);
  }

  @Post(':id/wechat-shipping/retry')
  @Roles('admin', 'operator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upload failed shipping information to WeChat again, now' })
  @ApiOkResponse({ type: WechatShippingViewDto })
  retryWechatShipping(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WechatShippingView> {
    return this.shipping.retry(actor, id);
  }

  @Put(':id/shipment')
  @Roles('admin', 'operator')
  @ApiOperation({ summary: "Correct a shipped order's courier or tracking number (WeChat allows one modification)" })
  @ApiOkResponse({ type: WechatShippingViewDto })
  changeShipment(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ShipOrderDto,
  ): Promise<WechatShippingView | null> {
    return this.shipping.changeShipment(actor, id, dto);
  }
}
