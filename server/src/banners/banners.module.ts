import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Banner } from './banner.entity';
import { BannersAdminController } from './banners-admin.controller';
import { BannersController } from './banners.controller';
import { BannersService } from './banners.service';

/** Staff-managed home banners. */
@Module({
  imports: [TypeOrmModule.forFeature([Banner])],
  controllers: [BannersController, BannersAdminController],
  providers: [BannersService],
})
export class BannersModule {}
