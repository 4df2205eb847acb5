import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckoutQuote, CreateOrderResponse, OrderView, Page } from '@member-commerce/shared';
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

  @Get(':id')
  getMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.getOwn(customerId, id);
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
