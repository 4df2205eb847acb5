import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { OrderAutoCompleteJob } from './order-auto-complete.job';
import { OrderReceiptService } from './order-receipt.service';
import { WechatShippingHooks } from './wechat-shipping.hooks';
import { WechatShippingJob } from './wechat-shipping.job';
import { WechatShippingService } from './wechat-shipping.service';
import { WechatShippingUploader } from './wechat-shipping-uploader';
import { WechatTradeEventsController } from './wechat-trade-events.controller';
import { WechatTradeEventsService } from './wechat-trade-events.service';

/**
 * WeChat's shipping-information service (小程序发货信息管理服务): what a paid order uploads, retries and shows
 * to staff, and how a shipped order ends (receipt confirmed by the customer, or automatically).
 */
@Module({
  imports: [OrdersModule],
  controllers: [WechatTradeEventsController],
  providers: [
    WechatShippingHooks,
    WechatShippingUploader,
    WechatShippingService,
    WechatShippingJob,
    OrderReceiptService,
    OrderAutoCompleteJob,
    WechatTradeEventsService,
  ],
  exports: [WechatShippingService, OrderReceiptService],
})
export class WechatShippingModule {}
