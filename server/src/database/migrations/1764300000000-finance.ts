import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, id, int, text, time, updatedAt, varchar } from './migration-columns';

/** Finance: the ledger carries outTradeNo and service days and admits zero-fee grants; background export jobs. */
export class Finance1764300000000 implements MigrationInterface {
  name = 'Finance1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('ledger_entry', 'orderId', new TableColumn(int('orderId', { isNullable: true })));
    await queryRunner.addColumns('ledger_entry', [
      new TableColumn(varchar('outTradeNo', 32, { isNullable: true })),
      new TableColumn(int('serviceDays', { isNullable: true })),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'export_job',
        columns: [
          id(),
          varchar('status', 16),
          text('query'),
          int('rowsDone', { default: 0 }),
          int('rowsTotal', { default: 0 }),
          varchar('fileName', 128),
          varchar('storageKey', 255, { isNullable: true }),
          int('sizeBytes', { isNullable: true }),
          varchar('error', 500, { isNullable: true }),
          int('requestedByStaffId'),
          varchar('requestedBy', 64),
          createdAt(queryRunner),
          updatedAt(queryRunner),
          time('finishedAt', { isNullable: true }),
        ],
        indices: [
          { name: 'IDX_export_job_createdAt', columnNames: ['createdAt'] },
          { name: 'IDX_export_job_status', columnNames: ['status'] },
        ],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('export_job', true, true, true);
    await queryRunner.dropColumn('ledger_entry', 'serviceDays');
    await queryRunner.dropColumn('ledger_entry', 'outTradeNo');
    await queryRunner.changeColumn('ledger_entry', 'orderId', new TableColumn(int('orderId')));
  }
}
