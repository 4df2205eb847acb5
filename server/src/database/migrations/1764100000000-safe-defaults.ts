import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { int, time, varchar } from './migration-columns';

/** Staff password-change time (older tokens are refused) and the rate-limit counters every API process shares. */
export class SafeDefaults1764100000000 implements MigrationInterface {
  name = 'SafeDefaults1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff_user', new TableColumn(time('passwordChangedAt', { isNullable: true })));
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_bucket',
        // A fixed window per key: hits since windowEndsAt − window; expiry in ms since the epoch.
        columns: [
          varchar('bucketKey', 128, { isPrimary: true }),
          int('hits'),
          { name: 'windowEndsAt', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_rate_limit_bucket_windowEndsAt', columnNames: ['windowEndsAt'] }],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_bucket');
    await queryRunner.dropColumn('staff_user', 'passwordChangedAt');
  }
}
