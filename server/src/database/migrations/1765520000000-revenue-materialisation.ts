import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { id, int, text } from './migration-columns';

/** Sums of a month's fees: past 2^31 fen (¥21M) on a busy month, so 64-bit. */
const sum = (name: string): TableColumnOptions => ({ name, type: 'bigint', default: 0 });

/**
 * Materialised monthly revenue (docs/finance.md "Materialised figures"): each customer's (tier, month) figures, their
 * sums, the queue of customers to recompute and the lock row of the drain. Every customer already in the ledger is
 * queued, so the first report after the upgrade computes them (or `finance:backfill` does, ahead of it).
 */
export class RevenueMaterialisation1765520000000 implements MigrationInterface {
  name = 'RevenueMaterialisation1765520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'ledger_entry',
      new TableIndex({ name: 'IDX_ledger_entry_customerId', columnNames: ['customerId'] }),
    );
    await queryRunner.createTable(
      new Table({ name: 'revenue_dirty', columns: [id(), int('customerId')] }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({ name: 'revenue_customer', columns: [int('customerId', { isPrimary: true }), text('figures')] }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'revenue_month',
        columns: [
          int('tierId', { isPrimary: true }),
          int('month', { isPrimary: true }),
          sum('billedFen'),
          sum('refundedFen'),
          sum('recognisedGoodsFen'),
          sum('recognisedServiceFen'),
        ],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({ name: 'revenue_lock', columns: [int('id', { isPrimary: true }), int('drains', { default: 0 })] }),
      false,
      true,
      true,
    );
    await queryRunner.query('INSERT INTO revenue_lock (id, drains) VALUES (1, 0)');
    await queryRunner.query(
      'INSERT INTO revenue_dirty (customerId) SELECT DISTINCT customerId FROM ledger_entry WHERE orderId IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('revenue_lock', true, true, true);
    await queryRunner.dropTable('revenue_month', true, true, true);
    await queryRunner.dropTable('revenue_customer', true, true, true);
    await queryRunner.dropTable('revenue_dirty', true, true, true);
    await queryRunner.dropIndex('ledger_entry', 'IDX_ledger_entry_customerId');
  }
}
