import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PaymentsModule } from '../payments/payments.module';
import { AfterSalesAdminController } from './after-sales-admin.controller';
import { AfterSalesController, AfterSalesPhotosController } from './after-sales.controller';
import { AfterSalesEligibility } from './after-sales-eligibility';
import { AfterSalesService } from './after-sales.service';
import { LocalPhotoStore, PhotoStore } from './photo-store';
import { PhotoCleanupJob } from './photo-cleanup.job';
import { PhotosService } from './photos.service';
import { ReturnAddressService } from './return-address.service';

/** Customers' refund and return requests on product orders, their photos, and the staff queue. */
@Module({
  imports: [PaymentsModule],
  controllers: [AfterSalesController, AfterSalesPhotosController, AfterSalesAdminController],
  providers: [
    AfterSalesService,
    AfterSalesEligibility,
    ReturnAddressService,
    PhotosService,
    PhotoCleanupJob,
    {
      provide: PhotoStore,
      useFactory: (config: AppConfig) => new LocalPhotoStore(config.uploadDir),
      inject: [APP_CONFIG],
    },
  ],
  exports: [AfterSalesService, AfterSalesEligibility],
})
export class AfterSalesModule {}
