import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { varchar } from './migration-columns';

/** A customer's own avatar (头像昵称填写), stored like product pictures; null until they choose one. */
export class CustomerAvatar1766000000000 implements MigrationInterface {
  name = 'CustomerAvatar1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('customer', new TableColumn(varchar('avatarUrl', 512, { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('customer', 'avatarUrl');
  }
}
