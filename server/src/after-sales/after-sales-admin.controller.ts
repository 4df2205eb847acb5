import { Body, Get, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { AdminAfterSalesView, Page, ReturnAddressSetting } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { AfterSalesService } from './after-sales.service';
import { ReturnAddressDto } from './dto/return-address.dto';
import { ReturnAddressService } from './return-address.service';
import {
  AfterSalesQueryDto,
  DecideAfterSalesDto,
  RejectAfterSalesDto,
  UpdateAfterSalesDto,
} from './dto/after-sales.dto';

/** Staff who work the after-sales queue; money follows the refund limits (operator and support within theirs). */
@StaffController('after-sales', 'admin: after-sales', 'admin', 'operator', 'finance', 'support')
export class AfterSalesAdminController {
  constructor(
    private readonly afterSales: AfterSalesService,
    private readonly returnAddress: ReturnAddressService,
  ) {}

  @Get('return-address')
  @ApiOperation({
    summary: "The shop's return address given to customers whose return is approved (null until set)",
    operationId: 'adminGetReturnAddress',
  })
  @ApiResponseOf('ReturnAddressSetting')
  getReturnAddress(): Promise<ReturnAddressSetting> {
    return this.returnAddress.get();
  }

  @Put('return-address')
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: "Set the shop's return address (recipient, phone, full address)",
    operationId: 'adminUpdateReturnAddress',
  })
  @ApiResponseOf('ReturnAddressSetting')
  updateReturnAddress(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() dto: ReturnAddressDto,
  ): Promise<ReturnAddressSetting> {
    return this.returnAddress.update(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'After-sales requests by status, a page at a time', operationId: 'adminListAfterSales' })
  @ApiResponseOf('AdminAfterSalesViewPage')
  listAfterSales(@Query() query: AfterSalesQueryDto): Promise<Page<AdminAfterSalesView>> {
    return this.afterSales.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One after-sales request with its order and photos', operationId: 'adminGetAfterSales' })
  @ApiResponseOf('AdminAfterSalesView')
  getAfterSales(@Param('id', ParseIntPipe) id: number): Promise<AdminAfterSalesView> {
    return this.afterSales.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change the amount of an undecided request, within what the order can still refund',
    operationId: 'adminUpdateAfterSales',
  })
  @ApiResponseOf('AdminAfterSalesView')
  updateAfterSales(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateAfterSalesDto,
  ): Promise<AdminAfterSalesView> {
    return this.afterSales.updateAmount(actor, id, dto.amountFen);
  }

  /** REFUND_ONLY: refunds now (or files a refund request above the caller's limit); RETURN_REFUND: awaits the goods. */
  @Post(':id/approve')
  @ApiOperation({
    summary: 'Approve an after-sales request (a refund, or a return first)',
    operationId: 'adminApproveAfterSales',
  })
  @ApiResponseOf('AdminAfterSalesView')
  approveAfterSales(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DecideAfterSalesDto,
  ): Promise<AdminAfterSalesView> {
    return this.afterSales.approve(actor, id, dto.note);
  }

  @Post(':id/received')
  @ApiOperation({
    summary: "Confirm the customer's returned parcel arrived: the refund starts (within the caller's limit)",
    operationId: 'adminReceivedAfterSalesReturn',
  })
  @ApiResponseOf('AdminAfterSalesView')
  receivedAfterSalesReturn(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DecideAfterSalesDto,
  ): Promise<AdminAfterSalesView> {
    return this.afterSales.received(actor, id, dto.note);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject an after-sales request with a reason', operationId: 'adminRejectAfterSales' })
  @ApiResponseOf('AdminAfterSalesView')
  rejectAfterSales(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectAfterSalesDto,
  ): Promise<AdminAfterSalesView> {
    return this.afterSales.reject(actor, id, dto.note);
  }
}
