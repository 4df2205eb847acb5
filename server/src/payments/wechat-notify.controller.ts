import { Controller, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { WECHAT_GATEWAY, WechatGateway, WechatNotification } from '../wechat/wechat-gateway';
import { PaymentSettlementService } from './payment-settlement.service';
import { RefundsService } from './refunds.service';

/**
 * WeChat Pay's notify URL. 204 once handled (or already handled); any failure answers 4xx/5xx with
 * `{"code":"FAIL"}` so WeChat retries. Verification happens before anything is read from the body.
 */
@Controller('payments/wechat')
export class WechatNotifyController {
  private readonly logger = new Logger(WechatNotifyController.name);

  constructor(
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    private readonly settlement: PaymentSettlementService,
    private readonly refunds: RefundsService,
  ) {}

  @Post('notify')
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async notify(@Req() request: RawBodyRequest<FastifyRequest>, @Res() reply: FastifyReply): Promise<void> {
    let notification: WechatNotification;
    try {
      const raw = request.rawBody?.toString('utf8') ?? '';
      notification = this.wechat.parseNotification(request.headers as Record<string, string>, raw);
    } catch (error) {
      this.logger.warn(`Rejected WeChat notification: ${(error as Error).message}`);
      return void reply.status(401).send({ code: 'FAIL', message: 'verification failed' });
    }
    try {
      if (notification.kind === 'transaction') {
        const outcome = await this.settlement.settle(notification.transaction);
        this.logger.log(`Notify ${notification.id} for ${notification.transaction.outTradeNo}: ${outcome}`);
      } else {
        await this.refunds.apply(notification.refund);
      }
      return void reply.status(204).send();
    } catch (error) {
      this.logger.error(`Notify ${notification.id} failed: ${(error as Error).stack}`);
      const status = (error as { status?: number }).status === 404 ? 404 : 500;
      return void reply.status(status).send({ code: 'FAIL', message: 'not processed, please retry' });
    }
  }
}
