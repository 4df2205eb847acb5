import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MembershipModule } from '../membership/membership.module';
import { OrdersModule } from '../orders/orders.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { ExportJob } from './exports/export-job.entity';
import { ExportJobsService } from './exports/export-jobs.service';
import { ExportStorage, LocalExportStorage } from './exports/export-storage';
import { FinanceExportService } from './exports/finance-export.service';
import { FinanceAdminController } from './finance-admin.controller';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerHooks } from './ledger.hooks';
import { LedgerService } from './ledger.service';
import { FinanceReportService } from './report/finance-report.service';
import { RevenueMaterialisation } from './report/revenue-materialisation';
import { ReconciliationResolution } from './reconciliation/reconciliation-resolution.entity';
import { ReconciliationStatementRecord } from './reconciliation/reconciliation-statement.entity';
import { ReconciliationJob } from './reconciliation/reconciliation.job';
import { ReconciliationService } from './reconciliation/reconciliation.service';

/** The revenue ledger (written from the order transitions and staff grants), recognition, the monthly report and exports. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([LedgerEntry, ExportJob, ReconciliationStatementRecord, ReconciliationResolution]),
    OrdersModule,
    MembershipModule,
  ],
  controllers: [FinanceAdminController],
  providers: [
    LedgerService,
    LedgerHooks,
    FinanceReportService,
    {
      provide: RevenueMaterialisation,
      inject: [DataSource, APP_CONFIG, Transactions],
      useFactory: (dataSource: DataSource, config: AppConfig, transactions: Transactions) =>
        new RevenueMaterialisation(dataSource, config.shopTimeZone, (work) => transactions.run(work)),
    },
    FinanceExportService,
    ExportJobsService,
    ReconciliationService,
    ReconciliationJob,
    {
      provide: ExportStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalExportStorage(config.exportDir),
    },
  ],
  exports: [LedgerService, FinanceReportService],
})
export class FinanceModule {}
