import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrdersModule } from '../orders/orders.module';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerHooks } from './ledger.hooks';
import { LedgerService } from './ledger.service';

/** The revenue ledger, written from the order transitions (recognition and exports come with the finance feature). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LedgerEntry]), OrdersModule],
  providers: [LedgerService, LedgerHooks],
  exports: [LedgerService],
})
export class FinanceModule {}
