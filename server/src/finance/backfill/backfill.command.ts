import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/load-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { LedgerService } from '../ledger.service';
import { RevenueMaterialisation } from '../report/revenue-materialisation';
import { backfillLedger } from './ledger-backfill';

/**
 * `pnpm --filter @member-commerce/server finance:backfill`: ledger entries for payments, refunds and staff grants
 * written before the ledger hooks existed, then the report's materialised figures rebuilt from the whole ledger. Same DATABASE_URL as the server; runs pending migrations first.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    await dataSource.runMigrations();
    const result = await backfillLedger(dataSource, new LedgerService(config), config.shopTimeZone);
    console.log(
      `ledger backfill: ${result.payments} payments, ${result.refunds} refunds, ${result.grants} staff grants, ${result.deliveries} shipped welcome packs read; ${result.allocated} payments allocated; ${result.written} entries written`,
    );
    const started = Date.now();
    const customers = await RevenueMaterialisation.outsideTheApp(dataSource, config.shopTimeZone).rebuild();
    console.log(
      `materialised report figures rebuilt for ${customers} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
