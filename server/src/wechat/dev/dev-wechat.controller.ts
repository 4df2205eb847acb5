import { ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../../openapi/api-response.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { NotifyStatusResponse } from '../../openapi/response-types';
import { SignedNotification, SimulatedMessage, SimulatedWechatError, WechatSimulator } from './wechat-simulator';

/**
 * The dev simulator's routes: the H5 pay page confirms or fails a payment here, and
 * tests fetch signed notifications to replay or tamper with. Registered only when `WECHAT_MODE=dev`.
 */
@ApiTags('dev: WeChat simulator')
@Controller('dev/wechat')
export class DevWechatController {
  constructor(
    private readonly simulator: WechatSimulator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('pay/:outTradeNo')
  @ApiOperation({ summary: 'What the simulator pay page shows', operationId: 'devDescribePayment' })
  @ApiResponseOf('SimulatedPaymentView')
  describePayment(@Param('outTradeNo') outTradeNo: string) {
    return this.simulated(() => this.simulator.describe(outTradeNo));
  }

  @Post('pay/:outTradeNo/confirm')
  @RateLimit('sensitive')
  @ApiOperation({
    summary: 'Pay, and deliver the signed, encrypted notification to the notify route as WeChat would',
    operationId: 'devConfirmPayment',
  })
  @ApiResponseOf('NotifyStatusResponse')
  async confirmPayment(@Param('outTradeNo') outTradeNo: string): Promise<NotifyStatusResponse> {
    const notification = await this.simulated(async () => {
      await this.simulator.confirmPayment(outTradeNo);
      return this.simulator.buildTransactionNotification(outTradeNo);
    });
    return { notifyStatus: await this.deliver(notification) };
  }

  @Post('pay/:outTradeNo/notification')
  @ApiOperation({
    summary: 'Pay, and return the notification WeChat would send, without sending it',
    operationId: 'devBuildNotification',
  })
  @ApiResponseOf('SignedNotification')
  buildNotification(@Param('outTradeNo') outTradeNo: string): Promise<SignedNotification> {
    return this.simulated(async () => {
      await this.simulator.confirmPayment(outTradeNo);
      return this.simulator.buildTransactionNotification(outTradeNo);
    });
  }

  @Post('pay/:outTradeNo/fail')
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer cancelled: WeChat sends nothing', operationId: 'devFailPayment' })
  @ApiResponseOf('SimulatedPaymentView')
  failPayment(@Param('outTradeNo') outTradeNo: string) {
    return this.simulated(async () => {
      await this.simulator.failPayment(outTradeNo);
      return this.simulator.describe(outTradeNo);
    });
  }

  @Post('pay/:outTradeNo/refuse-refunds')
  @HttpCode(204)
  @ApiOperation({
    summary: "The merchant's balance cannot pay this order's refunds: WeChat Pay refuses them (NOT_ENOUGH)",
    operationId: 'devRefuseRefunds',
  })
  @ApiNoContentResponse()
  async refuseRefunds(@Param('outTradeNo') outTradeNo: string): Promise<void> {
    await this.simulated(async () => {
      await this.simulator.describe(outTradeNo);
      await this.simulator.refuseRefundsOf(outTradeNo, true);
    });
  }

  @Post('refund/:outRefundNo/complete')
  @ApiOperation({ summary: 'Finish a refund and deliver its notification', operationId: 'devCompleteRefund' })
  @ApiResponseOf('NotifyStatusResponse')
  async completeRefund(@Param('outRefundNo') outRefundNo: string): Promise<NotifyStatusResponse> {
    const notification = await this.simulated(async () => {
      await this.simulator.completeRefund(outRefundNo);
      return this.simulator.buildRefundNotification(outRefundNo);
    });
    return { notifyStatus: await this.deliver(notification) };
  }

  @Get('messages')
  @ApiOperation({ summary: 'Subscribe messages the simulator received, newest first', operationId: 'devListMessages' })
  @ApiResponseOf('SimulatedMessage', { isArray: true })
  listMessages(): Promise<SimulatedMessage[]> {
    return this.simulator.listMessages();
  }

  private deliver(notification: SignedNotification): Promise<number> {
    return this.simulator.deliverNotification(`${this.config.publicUrl}/api/payments/wechat/notify`, notification);
  }

  private async simulated<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SimulatedWechatError) {
        if (error.status === 404) throw new NotFoundException({ code: 'NOT_FOUND', message: error.message });
        throw new ConflictException({ code: String(error.code), message: error.message });
      }
      throw error;
    }
  }
}
