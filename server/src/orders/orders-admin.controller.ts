import { Body, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { AdminOrderView, Page, PaymentView, RefundQuote, RefundView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { CreateRefundDto } from '../payments/dto/refund.dto';
import { RefundsService } from '../payments/refunds.service';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { AdminOrderQueryDto } from './dto/admin-order-query.dto';
import { OrdersService } from './orders.service';

@StaffController('orders', 'admin: orders', ...ALL_STAFF)
export class OrdersAdminController {
  constructor(
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
  ) {}

  @Get()
  searchOrders(@Query() query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    return this.orders.searchForStaff(query);
  }

  @Get(':id')
  getOrder(@Param('id', ParseIntPipe) id: number): Promise<AdminOrderView> {
    return this.orders.getForStaff(id);
  }

  @Post(':id/ship')
  @Roles('admin', 'operator')
  shipOrder(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<AdminOrderView> {
    return this.orders.ship(actor, id);
  }

  @Get(':id/refund-quote')
  @Roles('admin', 'operator', 'finance')
  getRefundQuote(@Param('id', ParseIntPipe) id: number): Promise<RefundQuote> {
    return this.refunds.quote(id);
  }

  /** Operators up to OPERATOR_REFUND_LIMIT_FEN; finance and admin without limit. */
  @Post(':id/refunds')
  @RateLimit('sensitive')
  @Roles('admin', 'operator', 'finance')
  refundOrder(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateRefundDto): Promise<RefundView> {
    return this.refunds.request(actor, id, dto);
  }
}

@StaffController('payments', 'admin: orders', ...ALL_STAFF)
export class PaymentsAdminController {
  constructor(private readonly orders: OrdersService) {}

  @Get('flagged')
  listFlaggedPayments(): Promise<PaymentView[]> {
    return this.orders.flaggedPayments();
  }
}
