import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CheckoutQuote,
  CreateOrderResponse,
  MyOrderCounts,
  OrderView,
  Page,
  ReorderResult,
} from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import {
  ChooseAddressDto,
  CreateGiftMembershipOrderDto,
  CreateMembershipOrderDto,
  CreateProductOrderDto,
  OrderListQueryDto,
  QuoteOrderDto,
} from '../orders/dto/create-order.dto';
import { OrdersService } from '../orders/orders.service';
import { CheckoutService } from './checkout.service';
import { MyOrdersService } from './my-orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orders: OrdersService,
    private readonly myOrders: MyOrdersService,
  ) {}

  @Post('membership')
  @ApiOperation({
    summary: 'Buy or renew a membership tier, optionally choosing the welcome gift pack (and its address) now',
  })
  createMembershipOrder(
    @CurrentCustomerId() customerId: number,
    @Body() dto: CreateMembershipOrderDto,
  ): Promise<CreateOrderResponse> {
    return this.checkout.createMembershipOrder(customerId, dto);
  }

  @Post('membership-gift')
  @ApiOperation({
    summary: 'Buy a membership as a gift: once paid it yields one membership code to share with a friend',
  })
  @ApiCreatedResponse({ description: '{ order, payment } as POST /api/orders/membership' })
  createGiftMembershipOrder(
    @CurrentCustomerId() customerId: number,
    @Body() dto: CreateGiftMembershipOrderDto,
  ): Promise<CreateOrderResponse> {
    return this.checkout.createGiftMembershipOrder(customerId, dto.tierId);
  }

  @Post()
  @ApiOperation({ summary: 'Buy products; prices come from the server, never the client' })
  createOrder(
    @CurrentCustomerId() customerId: number,
    @Body() dto: CreateProductOrderDto,
  ): Promise<CreateOrderResponse> {
    return this.checkout.createProductOrder(customerId, dto);
  }

  @Post('quote')
  @HttpCode(200)
  @ApiOperation({ summary: 'Price a basket as checkout will: member prices, shipping, coupon; the usable coupons' })
  quoteOrder(@CurrentCustomerId() customerId: number, @Body() dto: QuoteOrderDto): Promise<CheckoutQuote> {
    return this.checkout.quote(customerId, dto);
  }

  @Get()
  listMyOrders(@CurrentCustomerId() customerId: number, @Query() query: OrderListQueryDto): Promise<Page<OrderView>> {
    return this.orders.listOwn(customerId, query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'The counts on 我的: orders to pay, to ship, to receive, and open after-sales requests' })
  countMyOrders(@CurrentCustomerId() customerId: number): Promise<MyOrderCounts> {
    return this.myOrders.counts(customerId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'My order with its refunds (another customer’s is a 404)' })
  getMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.myOrders.get(customerId, id);
  }

  @Post(':id/reorder')
  @HttpCode(200)
  @ApiOperation({
    summary: '再来一单: the SKUs of my product order that can go into the cart again, and those that cannot',
  })
  reorderMyOrder(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ReorderResult> {
    return this.myOrders.reorder(customerId, id);
  }

  @Put(':id/address')
  @ApiOperation({ summary: 'Choose where a gift that has not been shipped goes' })
  chooseGiftAddress(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ChooseAddressDto,
  ): Promise<OrderView> {
    return this.checkout.chooseGiftAddress(customerId, id, dto.addressId);
  }
}
