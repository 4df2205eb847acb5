import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { MembershipModule } from '../membership/membership.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { PaymentSettlementService } from '../payments/payment-settlement.service';
import { PendingPaymentsJob } from '../payments/pending-payments.job';
import { RefundsService } from '../payments/refunds.service';
import { WechatNotifyController } from '../payments/wechat-notify.controller';
import { CheckoutService } from './checkout.service';
import { OrderClosingService } from './order-closing.service';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrdersAdminController, PaymentsAdminController } from './orders-admin.controller';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/**
 * The order lifecycle: checkout (orders/), payment settlement, refunds and reconciliation (payments/).
 * One Nest module because paying, closing and refunding all move the same order through its states.
 */
@Module({
  imports: [MembershipModule, MilestonesModule, CustomersModule],
  controllers: [OrdersController, OrdersAdminController, PaymentsAdminController, WechatNotifyController],
  providers: [CheckoutService, OrdersService, OrderClosingService, OrderFulfilmentService, PaymentSettlementService, RefundsService, PendingPaymentsJob],
  exports: [PaymentSettlementService, PendingPaymentsJob, RefundsService],
})
export class OrdersModule {}
