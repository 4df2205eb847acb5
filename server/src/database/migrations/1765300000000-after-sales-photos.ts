import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { fk, id, int, time, varchar } from './migration-columns';

/** After-sales photos belong to an order (quota, cleanup of photos no request took). */
export class AfterSalesPhotos1765300000000 implements MigrationInterface {
  name = 'AfterSalesPhotos1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'after_sales_photo',
        columns: [
          id(),
          varchar('name', 64),
          int('orderId'),
          int('customerId'),
          time('uploadedAt'),
          time('keptAt', { isNullable: true }),
        ],
        indices: [
          { name: 'IDX_after_sales_photo_name', columnNames: ['name'], isUnique: true },
          { name: 'IDX_after_sales_photo_orderId', columnNames: ['orderId'] },
          { name: 'IDX_after_sales_photo_kept_uploaded', columnNames: ['keptAt', 'uploadedAt'] },
        ],
        foreignKeys: [fk('orderId', 'customer_order', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('after_sales_photo');
  }
}
