import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreateOrderResponse, OrderView, Page, WechatPaymentParams } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { CheckoutService } from './checkout.service';
import { CreateMembershipOrderDto, CreateProductOrderDto, OrderListQueryDto } from './dto/create-order.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orders: OrdersService,
  ) {}

  @Post('membership')
  @ApiOperation({ summary: 'Buy or renew a membership tier, optionally choosing the welcome gift pack now' })
  createMembershipOrder(@CurrentCustomerId() customerId: number, @Body() dto: CreateMembershipOrderDto): Promise<CreateOrderResponse> {
    return this.checkout.createMembershipOrder(customerId, dto);
  }

  @Post()
  @ApiOperation({ summary: 'Buy products; prices come from the server, never the client' })
  createOrder(@CurrentCustomerId() customerId: number, @Body() dto: CreateProductOrderDto): Promise<CreateOrderResponse> {
    return this.checkout.createProductOrder(customerId, dto);
  }

  @Get()
  listMyOrders(@CurrentCustomerId() customerId: number, @Query() query: OrderListQueryDto): Promise<Page<OrderView>> {
    return this.orders.listOwn(customerId, query);
  }

  @Get(':id')
  getMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.getOwn(customerId, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancelMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.cancelOwn(customerId, id);
  }

  @Post(':id/sync')
  @HttpCode(200)
  @ApiOperation({ summary: 'After wx.requestPayment: ask WeChat whether the order is paid and settle it' })
  syncPayment(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.syncPayment(customerId, id);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'wx.requestPayment parameters again for an unpaid order' })
  payAgain(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<WechatPaymentParams> {
    return this.orders.payAgain(customerId, id);
  }
}
