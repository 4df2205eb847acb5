import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { money } from './migration-columns';

/**
 * Revenue allocation (IFRS 15 / CAS 14): standalone selling prices on gift packs and on each tier's membership
 * service, and on a PAYMENT ledger entry the share of the fee allocated to its welcome pack.
 */
export class RevenueAllocation1765500000000 implements MigrationInterface {
  name = 'RevenueAllocation1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('gift_pack', new TableColumn(money('standaloneFen', { isNullable: true })));
    await queryRunner.addColumn('tier', new TableColumn(money('serviceStandaloneFen', { isNullable: true })));
    await queryRunner.addColumn('ledger_entry', new TableColumn(money('goodsFen', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('ledger_entry', 'goodsFen');
    await queryRunner.dropColumn('tier', 'serviceStandaloneFen');
    await queryRunner.dropColumn('gift_pack', 'standaloneFen');
  }
}
