import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Address } from './address.entity';
import { AddressesService } from './addresses.service';
import { AddressesController, CustomerAuthController } from './customer.controller';
import { CustomerAuthService } from './customer-auth.service';
import { CustomerPhoneController } from './customer-phone.controller';
import { CustomerPhoneService } from './customer-phone.service';
import { Customer } from './customer.entity';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

@Module({
  imports: [TypeOrmModule.forFeature([Customer, Address])],
  controllers: [CustomerAuthController, AddressesController, CustomerPhoneController, ProfileController],
  providers: [CustomerAuthService, AddressesService, CustomerPhoneService, ProfileService],
  exports: [AddressesService, TypeOrmModule],
})
export class CustomersModule {}
