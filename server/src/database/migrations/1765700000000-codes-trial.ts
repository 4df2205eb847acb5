import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, fk, id, int, time, varchar } from './migration-columns';

/** Membership codes (staff batches and gifts bought for a friend) and the once-per-customer free trial. */
export class CodesTrial1765700000000 implements MigrationInterface {
  name = 'CodesTrial1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('tier', new TableColumn(int('trialDays', { default: 0 })));
    await queryRunner.createTable(
      new Table({
        name: 'membership_code_batch',
        columns: [
          id(),
          int('tierId'),
          int('count'),
          time('validUntil'),
          varchar('note', 200, { default: "''" }),
          int('createdByStaffId', { isNullable: true }),
          time('voidedAt', { isNullable: true }),
          varchar('voidReason', 255, { isNullable: true }),
          createdAt(queryRunner),
        ],
        indices: [{ name: 'IDX_code_batch_tierId', columnNames: ['tierId'] }],
        foreignKeys: [fk('tierId', 'tier', 'RESTRICT')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'membership_code',
        columns: [
          id(),
          varchar('code', 16),
          int('batchId', { isNullable: true }),
          int('tierId'),
          time('validUntil'),
          varchar('status', 16),
          int('giftOrderId', { isNullable: true }),
          int('redeemedByCustomerId', { isNullable: true }),
          time('redeemedAt', { isNullable: true }),
          int('termId', { isNullable: true }),
          time('voidedAt', { isNullable: true }),
          varchar('voidReason', 255, { isNullable: true }),
          createdAt(queryRunner),
        ],
        indices: [
          { name: 'UQ_membership_code_code', columnNames: ['code'], isUnique: true },
          { name: 'UQ_membership_code_giftOrderId', columnNames: ['giftOrderId'], isUnique: true },
          { name: 'IDX_membership_code_batch_status', columnNames: ['batchId', 'status'] },
          { name: 'IDX_membership_code_tierId', columnNames: ['tierId'] },
          { name: 'IDX_membership_code_redeemedBy', columnNames: ['redeemedByCustomerId'] },
        ],
        foreignKeys: [
          fk('batchId', 'membership_code_batch', 'RESTRICT'),
          fk('tierId', 'tier', 'RESTRICT'),
          fk('giftOrderId', 'customer_order', 'RESTRICT'),
          fk('redeemedByCustomerId', 'customer', 'RESTRICT'),
        ],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'trial_use',
        columns: [
          id(),
          int('customerId'),
          varchar('phone', 32, { isNullable: true }),
          int('tierId'),
          int('termId', { isNullable: true }),
          createdAt(queryRunner),
        ],
        indices: [
          { name: 'UQ_trial_use_customerId', columnNames: ['customerId'], isUnique: true },
          { name: 'UQ_trial_use_phone', columnNames: ['phone'], isUnique: true },
          { name: 'IDX_trial_use_tierId', columnNames: ['tierId'] },
        ],
        foreignKeys: [fk('customerId', 'customer', 'CASCADE'), fk('tierId', 'tier', 'RESTRICT')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('trial_use');
    await queryRunner.dropTable('membership_code');
    await queryRunner.dropTable('membership_code_batch');
    await queryRunner.dropColumn('tier', 'trialDays');
  }
}
