import { Body, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { Page, PaymentView, RefundRequestView, RefundView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import {
  DecideRefundRequestDto,
  RefundActionNoteDto,
  RefundRequestQueryDto,
  RejectRefundRequestDto,
} from './dto/refund.dto';
import { RefundActionsService } from './refund-actions.service';
import { OrderPaymentsService } from './order-payments.service';
import { RefundRequestsService } from './refund-requests.service';

@StaffController('refund-requests', 'admin: orders', 'admin', 'operator', 'finance')
export class RefundRequestsAdminController {
  constructor(private readonly requests: RefundRequestsService) {}

  @Get()
  @ApiOperation({ summary: 'Refund requests waiting for (or given) approval', operationId: 'adminListRefundRequests' })
  @ApiResponseOf('RefundRequestViewPage')
  listRefundRequests(@Query() query: RefundRequestQueryDto): Promise<Page<RefundRequestView>> {
    return this.requests.list(query);
  }

  @Post(':id/approve')
  @ApiOperation({
    summary: 'Approve a refund request: the refund goes to WeChat',
    operationId: 'adminApproveRefundRequest',
  })
  @ApiResponseOf('RefundRequestView')
  @Roles('admin', 'finance')
  @RateLimit('sensitive')
  approveRefundRequest(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DecideRefundRequestDto,
  ): Promise<RefundRequestView> {
    return this.requests.approve(actor, id, dto.note);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject a refund request with a note', operationId: 'adminRejectRefundRequest' })
  @ApiResponseOf('RefundRequestView')
  @Roles('admin', 'finance')
  rejectRefundRequest(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectRefundRequestDto,
  ): Promise<RefundRequestView> {
    return this.requests.reject(actor, id, dto.note);
  }
}

@StaffController('payments', 'admin: orders', ...ALL_STAFF)
export class PaymentsAdminController {
  constructor(private readonly payments: OrderPaymentsService) {}

  @Get('flagged')
  @ApiOperation({
    summary: 'Flagged payments still open (resolved ones: ?resolved=1)',
    operationId: 'adminListFlaggedPayments',
  })
  @ApiResponseOf('PaymentView', { isArray: true })
  listFlaggedPayments(@Query('resolved') resolved?: string): Promise<PaymentView[]> {
    return this.payments.flagged(resolved === '1' || resolved === 'true');
  }

  @Post(':id/resolve')
  @Roles('admin', 'finance')
  @ApiOperation({
    summary: 'Resolve a flagged payment with a note (its money settled outside a refund here)',
    operationId: 'adminResolveFlaggedPayment',
  })
  @ApiResponseOf('PaymentView')
  resolveFlaggedPayment(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RefundActionNoteDto,
  ): Promise<PaymentView> {
    return this.payments.resolveFlagged(actor, id, dto.note);
  }
}

/** A refund WeChat refused (FAILED) or could not pay back (ABNORMAL): staff retry, close, or refund offline. */
@StaffController('refunds', 'admin: orders', 'admin', 'operator', 'finance')
export class RefundActionsAdminController {
  constructor(private readonly actions: RefundActionsService) {}

  @Post(':id/retry')
  @RateLimit('sensitive')
  @ApiOperation({
    summary: 'Send a refused refund to WeChat again, with the same out_refund_no',
    operationId: 'adminRetryRefund',
  })
  @ApiResponseOf('RefundView')
  retryRefund(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<RefundView> {
    return this.actions.retry(actor, id);
  }

  @Post(':id/close')
  @ApiOperation({
    summary: 'Close a refused or abnormal refund: nothing is refunded, the order goes back to its status',
    operationId: 'adminCloseRefund',
  })
  @ApiResponseOf('RefundView')
  closeRefund(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RefundActionNoteDto,
  ): Promise<RefundView> {
    return this.actions.close(actor, id, dto.note);
  }

  @Post(':id/offline')
  @Roles('admin', 'finance')
  @RateLimit('sensitive')
  @ApiOperation({
    summary: 'An abnormal refund was paid back outside WeChat Pay: it succeeds, with its own ledger entry',
    operationId: 'adminRefundOffline',
  })
  @ApiResponseOf('RefundView')
  refundOffline(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RefundActionNoteDto,
  ): Promise<RefundView> {
    return this.actions.offline(actor, id, dto.note);
  }
}
