import { Body, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { AdminOrderView, Page } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { AdminOrderQueryDto, ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { AdminOrdersService } from './admin-orders.service';

@StaffController('orders', 'admin: orders', ...ALL_STAFF)
export class OrdersAdminController {
  constructor(private readonly orders: AdminOrdersService) {}

  @Get()
  searchOrders(@Query() query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    return this.orders.search(query);
  }

  @Get(':id')
  getOrder(@Param('id', ParseIntPipe) id: number): Promise<AdminOrderView> {
    return this.orders.get(id);
  }

  @Post(':id/ship')
  @Roles('admin', 'operator')
  shipOrder(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ShipOrderDto): Promise<AdminOrderView> {
    return this.orders.ship(actor, id, dto);
  }
}
