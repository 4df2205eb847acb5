import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { OrdersModule } from '../orders/orders.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ExportJob } from './exports/export-job.entity';
import { ExportJobsService } from './exports/export-jobs.service';
import { ExportStorage, LocalExportStorage } from './exports/export-storage';
import { FinanceExportService } from './exports/finance-export.service';
import { FinanceAdminController } from './finance-admin.controller';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerHooks } from './ledger.hooks';
import { LedgerService } from './ledger.service';
import { FinanceReportService } from './report/finance-report.service';

/** The revenue ledger (written from the order transitions and staff grants), recognition, the monthly report and exports (DESIGN.md "Finance"). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LedgerEntry, ExportJob]), OrdersModule, MembershipModule],
  controllers: [FinanceAdminController],
  providers: [
    LedgerService,
    LedgerHooks,
    FinanceReportService,
    FinanceExportService,
    ExportJobsService,
    { provide: ExportStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalExportStorage(config.exportDir) },
  ],
  exports: [LedgerService, FinanceReportService],
})
export class FinanceModule {}
