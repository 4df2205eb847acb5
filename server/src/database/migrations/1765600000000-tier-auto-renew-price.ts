import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { money } from './migration-columns';

/** A tier may offer auto-renew at its own price per term (null: it does not). */
export class TierAutoRenewPrice1765600000000 implements MigrationInterface {
  name = 'TierAutoRenewPrice1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('tier', new TableColumn(money('autoRenewPriceFen', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('tier', 'autoRenewPriceFen');
  }
}
