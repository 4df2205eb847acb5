import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, id, int, text, time, updatedAt, varchar } from './migration-columns';

/** Product media and discovery: pictures per SKU, and the staff-managed home banners. */
export class MediaBanners1764700000000 implements MigrationInterface {
  name = 'MediaBanners1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('sku', new TableColumn(text('images', { isNullable: true })));
    await queryRunner.createTable(
      new Table({
        name: 'banner',
        columns: [
          id(),
          varchar('title', 64),
          varchar('image', 500),
          varchar('linkType', 16),
          varchar('linkTarget', 255, { default: "''" }),
          int('sortOrder', { default: 0 }),
          time('activeFrom', { isNullable: true }),
          time('activeTo', { isNullable: true }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [{ name: 'IDX_banner_sortOrder', columnNames: ['sortOrder'] }],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('banner');
    await queryRunner.dropColumn('sku', 'images');
  }
}
