import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { OrdersModule } from '../orders/orders.module';
import { CouponHooks } from './coupon.hooks';
import { CouponIssuerJob } from './coupon-issuer.job';
import { CouponsController } from './coupons.controller';
import { CouponsService } from './coupons.service';

/** The COUPON benefit delivered: issuing, the member's list, checkout's discount, release and spending. */
@Module({
  imports: [OrdersModule, MembershipModule],
  controllers: [CouponsController],
  providers: [CouponsService, CouponHooks, CouponIssuerJob],
  exports: [CouponsService, CouponIssuerJob],
})
export class CouponsModule {}
