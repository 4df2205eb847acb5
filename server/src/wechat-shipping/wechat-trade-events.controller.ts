import { Body, Controller, ForbiddenException, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TradeEventBody, WechatTradeEventsService } from './wechat-trade-events.service';

interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

/** WeChat's mini-program message push (消息推送, JSON plaintext mode), signed with WECHAT_PUSH_TOKEN. */
@ApiTags('wechat')
@Controller('wechat/events')
export class WechatTradeEventsController {
  constructor(private readonly events: WechatTradeEventsService) {}

  @Get()
  @ApiOperation({
    summary: 'WeChat checks the push URL: echoes echostr when the signature is right',
    operationId: 'verifyPushUrl',
  })
  @ApiOkResponse({ type: String })
  verifyPushUrl(@Query() query: PushQuery): string {
    if (!this.events.verify(query)) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'bad signature' });
    return String(query.echostr ?? '');
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "WeChat's trade-management events (settlement, confirm receipt): stored, and a confirmed receipt completes the order",
    operationId: 'receiveEvent',
  })
  @ApiBody({ description: "WeChat's event message (JSON push)", schema: { type: 'object' } })
  @ApiOkResponse({ type: String })
  async receiveEvent(@Query() query: PushQuery, @Body() body: TradeEventBody): Promise<string> {
    if (!this.events.verify(query)) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'bad signature' });
    await this.events.receive(body && typeof body === 'object' ? body : {});
    return 'success';
  }
}
