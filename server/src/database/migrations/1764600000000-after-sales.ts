import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, money, text, time, updatedAt, varchar } from './migration-columns';

/** Customers' after-sales (refund / return) requests; one open request per order, kept by a unique column. */
export class AfterSales1764600000000 implements MigrationInterface {
  name = 'AfterSales1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'after_sales_request',
        columns: [
          id(),
          int('orderId'),
          int('openOrderId', { isNullable: true }),
          int('customerId'),
          varchar('type', 16),
          varchar('status', 20),
          varchar('reason', 40),
          varchar('description', 500, { default: "''" }),
          text('photos'),
          money('amountFen'),
          varchar('decisionNote', 200, { isNullable: true }),
          int('decidedByStaffId', { isNullable: true }),
          varchar('decidedBy', 64, { isNullable: true }),
          time('decidedAt', { isNullable: true }),
          int('refundId', { isNullable: true }),
          int('refundRequestId', { isNullable: true }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          { name: 'IDX_after_sales_orderId', columnNames: ['orderId'] },
          { name: 'IDX_after_sales_openOrderId', columnNames: ['openOrderId'], isUnique: true },
          { name: 'IDX_after_sales_customerId', columnNames: ['customerId'] },
          { name: 'IDX_after_sales_status_created', columnNames: ['status', 'createdAt'] },
        ],
        foreignKeys: [fk('orderId', 'customer_order', 'RESTRICT'), fk('customerId', 'customer', 'RESTRICT')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('after_sales_request');
  }
}
