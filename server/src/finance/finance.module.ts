import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ExportJob } from './exports/export-job.entity';
import { ExportJobsService } from './exports/export-jobs.service';
import { ExportStorage, LocalExportStorage } from './exports/export-storage';
import { FinanceExportService } from './exports/finance-export.service';
import { FinanceAdminController } from './finance-admin.controller';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerService } from './ledger.service';
import { FinanceReportService } from './report/finance-report.service';

/** The revenue ledger, recognition, the monthly report and exports (DESIGN.md "Finance"). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LedgerEntry, ExportJob])],
  controllers: [FinanceAdminController],
  providers: [
    LedgerService,
    FinanceReportService,
    FinanceExportService,
    ExportJobsService,
    { provide: ExportStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalExportStorage(config.exportDir) },
  ],
  exports: [LedgerService, FinanceReportService],
})
export class FinanceModule {}
