import { Body, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { AdminOrderView, BulkShipResult, Page } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { AdminOrderQueryDto, ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { AdminOrdersService } from './admin-orders.service';
import { BulkShipService } from './bulk-ship.service';
import { BulkShipDto } from './bulk-ship.dto';
import { OrdersExportService } from './orders-export.service';
import { AuditedDownload } from '../staff/audited-download';

@StaffController('orders', 'admin: orders', ...ALL_STAFF)
export class OrdersAdminController {
  constructor(
    private readonly orders: AdminOrdersService,
    private readonly exports: OrdersExportService,
    private readonly bulk: BulkShipService,
  ) {}

  @Get()
  searchOrders(@Query() query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    return this.orders.search(query);
  }

  @Get('export')
  @Roles('admin', 'operator', 'finance')
  @ApiOperation({ summary: 'The filtered orders as CSV (UTF-8 with BOM), streamed' })
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
  })
  shipOrders(@CurrentStaff() actor: StaffPrincipal, @Body() dto: BulkShipDto): Promise<BulkShipResult> {
    return dto.preview ? this.bulk.preview(dto.csv) : this.bulk.ship(actor, dto.csv);
  }

  @Get(':id')
  getOrder(@Param('id', ParseIntPipe) id: number): Promise<AdminOrderView> {
    return this.orders.get(id);
  }

  @Post(':id/ship')
  @Roles('admin', 'operator')
  shipOrder(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ShipOrderDto,
  ): Promise<AdminOrderView> {
    return this.orders.ship(actor, id, dto);
  }
}
