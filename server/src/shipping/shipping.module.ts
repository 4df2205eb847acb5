import { Module } from '@nestjs/common';
import { ShippingAdminController } from './shipping-admin.controller';
import { ShippingService } from './shipping.service';

/** The shipping fee: a staff-set policy and the rule checkout applies (FREE_SHIPPING members pay none). */
@Module({
  controllers: [ShippingAdminController],
  providers: [ShippingService],
  exports: [ShippingService],
})
export class ShippingModule {}
