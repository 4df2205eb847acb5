import { Body, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CreateRefundResponse, Page, PaymentView, RefundQuote, RefundRequestView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CreateRefundDto, DecideRefundRequestDto, RefundRequestQueryDto, RejectRefundRequestDto } from './dto/refund.dto';
import { OrderPaymentsService } from './order-payments.service';
import { RefundRequestsService } from './refund-requests.service';
import { RefundsService } from './refunds.service';

@StaffController('orders', 'admin: orders', 'admin', 'operator', 'finance')
export class OrderRefundsAdminController {
  constructor(
    private readonly refunds: RefundsService,
    private readonly requests: RefundRequestsService,
  ) {}

  @Get(':id/refund-quote')
  getRefundQuote(@Param('id', ParseIntPipe) id: number): Promise<RefundQuote> {
    return this.refunds.quote(id);
  }

  /** 201 with the refund, or 202 with a refund request when the amount passes the caller's cumulative limit. */
  @Post(':id/refunds')
  @RateLimit('sensitive')
  async refundOrder(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateRefundDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreateRefundResponse> {
    const outcome = await this.requests.refundOrRequest(actor, id, dto);
    reply.status(outcome.status);
    return 'refund' in outcome ? outcome.refund : { request: outcome.request };
  }
}

@StaffController('refund-requests', 'admin: orders', 'admin', 'operator', 'finance')
export class RefundRequestsAdminController {
  constructor(private readonly requests: RefundRequestsService) {}

  @Get()
  listRefundRequests(@Query() query: RefundRequestQueryDto): Promise<Page<RefundRequestView>> {
    return this.requests.list(query);
  }

  @Post(':id/approve')
  @Roles('admin', 'finance')
  @RateLimit('sensitive')
  approveRefundRequest(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: DecideRefundRequestDto): Promise<RefundRequestView> {
    return this.requests.approve(actor, id, dto.note);
  }

  @Post(':id/reject')
  @Roles('admin', 'finance')
  rejectRefundRequest(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectRefundRequestDto): Promise<RefundRequestView> {
    return this.requests.reject(actor, id, dto.note);
  }
}

@StaffController('payments', 'admin: orders', ...ALL_STAFF)
export class PaymentsAdminController {
  constructor(private readonly payments: OrderPaymentsService) {}

  @Get('flagged')
  listFlaggedPayments(): Promise<PaymentView[]> {
    return this.payments.flagged();
  }
}
