import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { WechatShippingModule } from '../wechat-shipping/wechat-shipping.module';
import { DashboardTodosService } from './dashboard-todos.service';

/** The admin overview: read-only aggregates over memberships, the ledger and orders. Nothing depends on it. */
@Module({
  imports: [WechatShippingModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardTodosService],
})
export class DashboardModule {}
