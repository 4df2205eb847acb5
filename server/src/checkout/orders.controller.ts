import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type {
  AfterSalesView,
  CheckoutQuote,
  CreateOrderResponse,
  MyOrderCounts,
  OrderView,
  Page,
  ReorderResult,
  WechatPaymentParams,
  WechatReceiptParams,
} from '@member-commerce/shared';
import { AfterSalesService } from '../after-sales/after-sales.service';
import { CreateAfterSalesDto } from '../after-sales/dto/after-sales.dto';
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
import { OrderPaymentsService } from '../payments/order-payments.service';
import { OrderReceiptService } from '../wechat-shipping/order-receipt.service';

import { CheckoutService } from './checkout.service';
import { MyOrdersService } from './my-orders.service';

/** Every /api/orders route: checkout, the customer's own orders, paying, receipt and after-sales requests. */
@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly myOrders: MyOrdersService,
    private readonly payments: OrderPaymentsService,
    private readonly receipts: OrderReceiptService,
    private readonly afterSales: AfterSalesService,
  ) {}

  @Post('membership')
  @ApiOperation({
    summary: 'Buy or renew a membership tier, optionally choosing the welcome gift pack (and its address) now',
    operationId: 'createMembershipOrder',
  })
  @ApiResponseOf('CreateOrderResponse')
  createMembershipOrder(
    @CurrentCustomerId() customerId: number,
    @Body() dto: CreateMembershipOrderDto,
  ): Promise<CreateOrderResponse> {
    return this.checkout.createMembershipOrder(customerId, dto);
  }

  @Post('membership-gift')
  @ApiOperation({
    summary: 'Buy a membership as a gift: once paid it yields one membership code to share with a friend',
    operationId: 'createGiftMembershipOrder',
  })
  @ApiResponseOf('CreateOrderResponse')
  createGiftMembershipOrder(
    @CurrentCustomerId() customerId: number,
    @Body() dto: CreateGiftMembershipOrderDto,
  ): Promise<CreateOrderResponse> {
    return this.checkout.createGiftMembershipOrder(customerId, dto.tierId);
  }

  @Post()
  @ApiOperation({ summary: 'Buy products; prices come from the server, never the client', operationId: 'createOrder' })
  @ApiResponseOf('CreateOrderResponse')
  createOrder(
    @CurrentCustomerId() customerId: number,
    @Body() dto: CreateProductOrderDto,
  ): Promise<CreateOrderResponse> {
    return this.checkout.createProductOrder(customerId, dto);
  }

  @Post('quote')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price a basket as checkout will: member prices, shipping, coupon; the usable coupons',
    operationId: 'quoteOrder',
  })
  @ApiResponseOf('CheckoutQuote')
  quoteOrder(@CurrentCustomerId() customerId: number, @Body() dto: QuoteOrderDto): Promise<CheckoutQuote> {
    return this.checkout.quote(customerId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'My orders, newest first, a page at a time', operationId: 'listMyOrders' })
  @ApiResponseOf('OrderViewPage')
  listMyOrders(@CurrentCustomerId() customerId: number, @Query() query: OrderListQueryDto): Promise<Page<OrderView>> {
    return this.myOrders.list(customerId, query);
  }

  @Get('counts')
  @ApiOperation({
    summary: 'The counts on 我的: orders to pay, to ship, to receive, and open after-sales requests',
    operationId: 'countMyOrders',
  })
  @ApiResponseOf('MyOrderCounts')
  countMyOrders(@CurrentCustomerId() customerId: number): Promise<MyOrderCounts> {
    return this.myOrders.counts(customerId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'My order with its refunds (another customer’s is a 404)', operationId: 'getMyOrder' })
  @ApiResponseOf('OrderView')
  getMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.myOrders.get(customerId, id);
  }

  @Post(':id/reorder')
  @HttpCode(200)
  @ApiOperation({
    summary: '再来一单: the SKUs of my product order that can go into the cart again, and those that cannot',
    operationId: 'reorderMyOrder',
  })
  @ApiResponseOf('ReorderResult')
  reorderMyOrder(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ReorderResult> {
    return this.myOrders.reorder(customerId, id);
  }

  @Put(':id/address')
  @ApiOperation({ summary: 'Choose where a gift that has not been shipped goes', operationId: 'chooseGiftAddress' })
  @ApiResponseOf('OrderView')
  chooseGiftAddress(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ChooseAddressDto,
  ): Promise<OrderView> {
    return this.checkout.chooseGiftAddress(customerId, id, dto.addressId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an unpaid order: closed at WeChat first, then here, stock released',
    operationId: 'cancelMyOrder',
  })
  @ApiResponseOf('OrderView')
  cancelMyOrder(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.payments.cancelOwn(customerId, id);
  }

  @Post(':id/sync')
  @HttpCode(200)
  @ApiOperation({
    summary: 'After wx.requestPayment: ask WeChat whether the order is paid and settle it',
    operationId: 'syncPayment',
  })
  @ApiResponseOf('OrderView')
  syncPayment(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.payments.syncPayment(customerId, id);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'wx.requestPayment parameters again for an unpaid order', operationId: 'payAgain' })
  @ApiResponseOf('WechatPaymentParams')
  payAgain(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WechatPaymentParams> {
    return this.payments.payAgain(customerId, id);
  }

  @Get(':id/receipt')
  @ApiOperation({
    summary: "The payment WeChat's confirm-receipt component (weappOrderConfirm) needs for a shipped order",
    operationId: 'getReceiptParams',
  })
  @ApiResponseOf('WechatReceiptParams')
  getReceiptParams(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WechatReceiptParams> {
    return this.receipts.paymentOf(customerId, id);
  }

  @Post(':id/confirm-receipt')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The customer received the parcel: the shipped order completes',
    operationId: 'confirmReceipt',
  })
  @ApiResponseOf('OrderView')
  confirmReceipt(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.receipts.confirm(customerId, id);
  }

  @Post(':id/after-sales')
  @ApiOperation({
    summary: 'Ask for a refund (or a return and refund) of my paid or shipped product order',
    operationId: 'createAfterSales',
  })
  @ApiResponseOf('AfterSalesView')
  createAfterSales(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateAfterSalesDto,
  ): Promise<AfterSalesView> {
    return this.afterSales.create(customerId, id, dto);
  }
}
