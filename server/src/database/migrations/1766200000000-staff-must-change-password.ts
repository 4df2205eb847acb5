import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bool } from './migration-columns';

/** A password an admin reset must be replaced by its owner at the next login. */
export class StaffMustChangePassword1766200000000 implements MigrationInterface {
  name = 'StaffMustChangePassword1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff_user', new TableColumn(bool('mustChangePassword', false)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('staff_user', 'mustChangePassword');
  }
}
