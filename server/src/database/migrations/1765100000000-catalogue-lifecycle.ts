import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { time, varchar } from './migration-columns';

const TABLES = ['benefit', 'gift_pack', 'milestone'];

/**
 * Benefits, gift packs and milestones get the tier's lifecycle (draft → active → archived) instead of being
 * deleted while sold terms, claims and orders use them. Existing rows are live: ACTIVE.
 */
export class CatalogueLifecycle1765100000000 implements MigrationInterface {
  name = 'CatalogueLifecycle1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.addColumn(table, new TableColumn(varchar('status', 16, { default: "'ACTIVE'" })));
      await queryRunner.addColumn(table, new TableColumn(time('archivedAt', { isNullable: true })));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.dropColumn(table, 'archivedAt');
      await queryRunner.dropColumn(table, 'status');
    }
  }
}
