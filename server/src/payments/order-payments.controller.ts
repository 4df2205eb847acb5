import { Controller, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderView, WechatPaymentParams } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { OrderPaymentsService } from './order-payments.service';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('orders')
export class OrderPaymentsController {
  constructor(private readonly payments: OrderPaymentsService) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an unpaid order: closed at WeChat first, then here, stock released' })
  cancelMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.payments.cancelOwn(customerId, id);
  }

  @Post(':id/sync')
  @HttpCode(200)
  @ApiOperation({ summary: 'After wx.requestPayment: ask WeChat whether the order is paid and settle it' })
  syncPayment(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.payments.syncPayment(customerId, id);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'wx.requestPayment parameters again for an unpaid order' })
  payAgain(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WechatPaymentParams> {
    return this.payments.payAgain(customerId, id);
  }
}
