import { Body, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiFileResponse, ApiResponseOf } from '../openapi/api-response.decorator';
import type { FastifyReply } from 'fastify';
import type {
  AdminOrderView,
  BulkShipResult,
  CreateRefundResponse,
  Page,
  RefundQuote,
  WechatShippingView,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { AdminOrderQueryDto, ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { CreateRefundDto } from '../payments/dto/refund.dto';
import { RefundRequestsService } from '../payments/refund-requests.service';
import { RefundsService } from '../payments/refunds.service';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';

import { WechatShippingService } from '../wechat-shipping/wechat-shipping.service';
import { AdminOrdersService } from './admin-orders.service';
import { BulkShipService } from './bulk-ship.service';
import { BulkShipDto } from './bulk-ship.dto';
import { OrdersExportService } from './orders-export.service';
import { AuditedDownload } from '../staff/audited-download';

/** Every /api/admin/orders route: the order desk, shipping (and its WeChat upload) and refunds of an order. */
@StaffController('orders', 'admin: orders', ...ALL_STAFF)
export class OrdersAdminController {
  constructor(
    private readonly orders: AdminOrdersService,
    private readonly exports: OrdersExportService,
    private readonly bulk: BulkShipService,
    private readonly refunds: RefundsService,
    private readonly refundRequests: RefundRequestsService,
    private readonly wechatShipping: WechatShippingService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search orders by number, customer, status, kind and date, a page at a time',
    operationId: 'adminSearchOrders',
  })
  @ApiResponseOf('AdminOrderViewPage')
  searchOrders(@Query() query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    return this.orders.search(query);
  }

  @Get('export')
  @Roles('admin', 'operator', 'finance')
  @ApiOperation({ summary: 'The filtered orders as CSV (UTF-8 with BOM), streamed', operationId: 'adminExportOrders' })
  @ApiFileResponse('text/csv')
  @AuditedDownload({ action: 'orders.download', entity: 'order' })
  exportOrders(@Query() query: AdminOrderQueryDto): StreamableFile {
    return new StreamableFile(this.exports.export(query), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="orders.csv"',
    });
  }

  @Post('ship-batch')
  @Roles('admin', 'operator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ship many orders from a CSV (订单号, 快递公司, 快递单号), or preview it row by row; each row on its own',
    operationId: 'adminShipOrders',
  })
  @ApiResponseOf('BulkShipResult')
  shipOrders(@CurrentStaff() actor: StaffPrincipal, @Body() dto: BulkShipDto): Promise<BulkShipResult> {
    return dto.preview ? this.bulk.preview(dto.csv) : this.bulk.ship(actor, dto.csv);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order with its lines, payments, refunds and history', operationId: 'adminGetOrder' })
  @ApiResponseOf('AdminOrderView')
  getOrder(@Param('id', ParseIntPipe) id: number): Promise<AdminOrderView> {
    return this.orders.get(id);
  }

  @Post(':id/ship')
  @ApiOperation({ summary: 'Ship a paid order with a courier and tracking number', operationId: 'adminShipOrder' })
  @ApiResponseOf('AdminOrderView')
  @Roles('admin', 'operator')
  shipOrder(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ShipOrderDto,
  ): Promise<AdminOrderView> {
    return this.orders.ship(actor, id, dto);
  }

  @Get(':id/refund-quote')
  @Roles('admin', 'operator', 'finance')
  @ApiOperation({
    summary: 'What may be refunded now, the rule in Chinese, and a refund request still waiting for approval',
    operationId: 'adminGetRefundQuote',
  })
  @ApiResponseOf('RefundQuote')
  getRefundQuote(@Param('id', ParseIntPipe) id: number): Promise<RefundQuote> {
    return this.refunds.quote(id);
  }

  /** 201 with the refund, or 202 with a refund request when the amount passes the caller's cumulative limit. */
  @Post(':id/refunds')
  @ApiOperation({
    summary: "Refund an order (201), or ask for approval (202) when above the caller's limit",
    operationId: 'adminRefundOrder',
  })
  @ApiResponseOf('RefundView', { status: 201, description: 'The refund' })
  @ApiResponseOf('CreateRefundResponse', {
    status: 202,
    description: 'A refund request waiting for approval: { request }',
  })
  @Roles('admin', 'operator', 'finance')
  @RateLimit('sensitive')
  async refundOrder(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateRefundDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreateRefundResponse> {
    const outcome = await this.refundRequests.refundOrRequest(actor, id, dto);
    reply.status(outcome.status);
    return 'refund' in outcome ? outcome.refund : { request: outcome.request };
  }

  @Get(':id/wechat-shipping')
  @ApiOperation({
    summary: "The order's shipping information at WeChat (upload status, errcode explained); null when none is needed",
    operationId: 'adminGetWechatShipping',
  })
  @ApiResponseOf('WechatShippingView', { nullable: true })
  getWechatShipping(@Param('id', ParseIntPipe) id: number): Promise<WechatShippingView | null> {
    return this.wechatShipping.view(id);
  }

  @Post(':id/wechat-shipping/retry')
  @Roles('admin', 'operator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload failed shipping information to WeChat again, now',
    operationId: 'adminRetryWechatShipping',
  })
  @ApiResponseOf('WechatShippingView')
  retryWechatShipping(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WechatShippingView> {
    return this.wechatShipping.retry(actor, id);
  }

  @Put(':id/shipment')
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: "Correct a shipped order's courier or tracking number (WeChat allows one modification)",
    operationId: 'adminChangeShipment',
  })
  @ApiResponseOf('WechatShippingView', { nullable: true })
  changeShipment(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ShipOrderDto,
  ): Promise<WechatShippingView | null> {
    return this.wechatShipping.changeShipment(actor, id, dto);
  }
}
