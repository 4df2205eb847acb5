import { Controller, HttpCode, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PapayContractEvent } from '../wechat/papay/papay-wire';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { AutoRenewContractsService } from './auto-renew-contracts.service';

/**
 * WeChat's contract notifications (签约 / 解约结果通知): verified before anything is read, 204 once applied
 * (or already applied), 4xx/5xx `{"code":"FAIL"}` otherwise so WeChat retries.
 */
@Controller('auto-renew/wechat')
export class AutoRenewNotifyController {
  private readonly logger = new Logger(AutoRenewNotifyController.name);

  constructor(
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    private readonly contracts: AutoRenewContractsService,
  ) {}

  @Post('notify')
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async papayNotify(@Req() request: RawBodyRequest<FastifyRequest>, @Res() reply: FastifyReply): Promise<void> {
    let event: PapayContractEvent;
    try {
      event = this.wechat.parsePapayNotification(
        request.headers as Record<string, string>,
        request.rawBody?.toString('utf8') ?? '',
      );
    } catch (error) {
      this.logger.warn(`Rejected papay notification: ${(error as Error).message}`);
      return void reply.status(401).send({ code: 'FAIL', message: 'verification failed' });
    }
    try {
      await this.contracts.applyContractEvent(event);
      return void reply.status(204).send();
    } catch (error) {
      this.logger.error(`Papay notification ${event.id} failed: ${(error as Error).message}`);
      const status = (error as { status?: number }).status;
      return void reply.status(status && status < 500 ? status : 500).send({ code: 'FAIL', message: 'not processed' });
    }
  }
}
