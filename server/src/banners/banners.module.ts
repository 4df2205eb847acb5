import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorefrontModule } from '../storefront/storefront.module';
import { Banner } from './banner.entity';
import { BannersAdminController } from './banners-admin.controller';
import { BannersController } from './banners.controller';
import { BannersService } from './banners.service';

/** Staff-managed home banners. */
@Module({
  imports: [TypeOrmModule.forFeature([Banner]), StorefrontModule],
  controllers: [BannersController, BannersAdminController],
  providers: [BannersService],
})
export class BannersModule {}
