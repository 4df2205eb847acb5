import { Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module';
import { CustomersModule } from '../customers/customers.module';
import { MembershipModule } from '../membership/membership.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { OrdersModule } from '../orders/orders.module';
import { OrderPaymentsService } from './order-payments.service';
import { PaymentSettlementService } from './payment-settlement.service';
import { PendingPaymentsJob } from './pending-payments.job';
import { PrepayService } from './prepay.service';
import { RefundActionsService } from './refund-actions.service';
import { RefundEvents } from './refund-events';
import { RefundRequestsService } from './refund-requests.service';
import {
  PaymentsAdminController,
  RefundActionsAdminController,
  RefundRequestsAdminController,
} from './refunds-admin.controller';
import { RefundBenefitRecheckHooks } from './refund-benefit-recheck.hooks';
import { RefundTermSuspension } from './refund-term-suspension';
import { RefundsService } from './refunds.service';
import { WechatNotifyController } from './wechat-notify.controller';

/** WeChat payments and refunds of orders: prepay, settlement, notify, reconciliation, refunds and their approval. */
@Module({
  imports: [OrdersModule, MembershipModule, MilestonesModule, CustomersModule, CouponsModule],
  controllers: [
    RefundRequestsAdminController,
    RefundActionsAdminController,
    PaymentsAdminController,
    WechatNotifyController,
  ],
  providers: [
    PaymentSettlementService,
    PrepayService,
    OrderPaymentsService,
    RefundsService,
    RefundRequestsService,
    RefundActionsService,
    RefundEvents,
    PendingPaymentsJob,
    RefundTermSuspension,
    RefundBenefitRecheckHooks,
  ],
  exports: [
    PaymentSettlementService,
    PrepayService,
    OrderPaymentsService,
    RefundsService,
    RefundRequestsService,
    RefundEvents,
    PendingPaymentsJob,
  ],
})
export class PaymentsModule {}
