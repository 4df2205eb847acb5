import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, id, int, money, text, time, varchar } from './migration-columns';

/** Daily reconciliation against WeChat's trade bill: stored statements and the notes resolving their mismatches. */
export class Reconciliation1765510000000 implements MigrationInterface {
  name = 'Reconciliation1765510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reconciliation_statement',
        columns: [
          id(),
          varchar('date', 10),
          money('wechatFen'),
          money('oursFen'),
          int('matched'),
          text('mismatches'),
          createdAt(queryRunner),
        ],
        indices: [{ name: 'IDX_reconciliation_statement_date', columnNames: ['date'], isUnique: true }],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'reconciliation_resolution',
        columns: [
          id(),
          varchar('date', 10),
          varchar('kind', 16),
          varchar('reference', 64),
          varchar('note', 500),
          int('resolvedByStaffId'),
          varchar('resolvedBy', 64),
          time('resolvedAt'),
        ],
        indices: [
          { name: 'IDX_reconciliation_resolution_key', columnNames: ['date', 'kind', 'reference'], isUnique: true },
        ],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reconciliation_resolution', true, true, true);
    await queryRunner.dropTable('reconciliation_statement', true, true, true);
  }
}
