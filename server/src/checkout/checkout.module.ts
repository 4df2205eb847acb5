import { Module } from '@nestjs/common';
import { AfterSalesModule } from '../after-sales/after-sales.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { CustomersModule } from '../customers/customers.module';
import { MembershipModule } from '../membership/membership.module';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsModule } from '../payments/payments.module';
import { StorefrontModule } from '../storefront/storefront.module';
import { WechatShippingModule } from '../wechat-shipping/wechat-shipping.module';
import { CouponsModule } from '../coupons/coupons.module';
import { ShippingModule } from '../shipping/shipping.module';
import { AdminOrdersService } from './admin-orders.service';
import { BasketPricingService } from './basket-pricing.service';
import { BulkShipService } from './bulk-ship.service';
import { OrdersExportService } from './orders-export.service';
import { CheckoutService } from './checkout.service';
import { MyOrdersService } from './my-orders.service';
import { OrdersAdminController } from './orders-admin.controller';
import { OrdersController } from './orders.controller';

/** Buying: product and membership checkout, the customer's order routes, and the staff order desk. */
@Module({
  imports: [
    AfterSalesModule,
    AgreementsModule,
    OrdersModule,
    PaymentsModule,
    MembershipModule,
    CustomersModule,
    CouponsModule,
    ShippingModule,
    StorefrontModule,
    WechatShippingModule,
    AfterSalesModule,
  ],
  controllers: [OrdersController, OrdersAdminController],
  providers: [
    CheckoutService,
    MyOrdersService,
    BasketPricingService,
    AdminOrdersService,
    OrdersExportService,
    BulkShipService,
  ],
  exports: [BasketPricingService],
})
export class CheckoutModule {}
