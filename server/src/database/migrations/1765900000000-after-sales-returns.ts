import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { text, time, updatedAt, varchar, int } from './migration-columns';

/** Returns: the shop's return address, and on each request the address given, the parcel sent back and its receipt. */
export class AfterSalesReturns1765900000000 implements MigrationInterface {
  name = 'AfterSalesReturns1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'return_address',
        columns: [
          int('id', { isPrimary: true }),
          varchar('name', 40),
          varchar('phone', 20),
          varchar('address', 200),
          updatedAt(queryRunner),
        ],
      }),
      false,
    );
    await queryRunner.addColumns('after_sales_request', [
      new TableColumn(time('approvedAt', { isNullable: true })),
      new TableColumn(text('returnAddress', { isNullable: true })),
      new TableColumn(varchar('returnCarrier', 16, { isNullable: true })),
      new TableColumn(varchar('returnTrackingNo', 40, { isNullable: true })),
      new TableColumn(time('returnShippedAt', { isNullable: true })),
      new TableColumn(time('receivedAt', { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'receivedAt',
      'returnShippedAt',
      'returnTrackingNo',
      'returnCarrier',
      'returnAddress',
      'approvedAt',
    ])
      await queryRunner.dropColumn('after_sales_request', column);
    await queryRunner.dropTable('return_address');
  }
}
