import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Address } from './address.entity';
import { AddressesService } from './addresses.service';
import { AddressesController, CustomerAuthController } from './customer.controller';
import { CustomerAuthService } from './customer-auth.service';
import { CustomerPhoneController } from './customer-phone.controller';
import { CustomerPhoneService } from './customer-phone.service';
import { Customer } from './customer.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Customer, Address])],
  controllers: [CustomerAuthController, AddressesController, CustomerPhoneController],
  providers: [CustomerAuthService, AddressesService, CustomerPhoneService],
  exports: [AddressesService, TypeOrmModule],
})
export class CustomersModule {}
