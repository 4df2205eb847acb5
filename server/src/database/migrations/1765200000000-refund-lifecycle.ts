import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bool, time, varchar } from './migration-columns';

/**
 * Every refund, flagged payment and staff alert reaches a final state (issue #16, #18): a refused or abnormal
 * refund keeps its reason, a refund may wait for WeChat's minute, and flagged payments and alerts record who
 * resolved them and when.
 */
export class RefundLifecycle1765200000000 implements MigrationInterface {
  name = 'RefundLifecycle1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('refund', [
      new TableColumn(varchar('failureReason', 255, { isNullable: true })),
      new TableColumn(time('queuedUntil', { isNullable: true })),
      new TableColumn(time('sentAt', { isNullable: true })),
      new TableColumn(bool('offline', false)),
    ]);
    await queryRunner.addColumns('payment', [
      new TableColumn(varchar('resolution', 16, { isNullable: true })),
      new TableColumn(time('resolvedAt', { isNullable: true })),
      new TableColumn(varchar('resolvedBy', 64, { isNullable: true })),
      new TableColumn(varchar('resolutionNote', 255, { isNullable: true })),
    ]);
    await queryRunner.addColumns('staff_alert', [
      new TableColumn(varchar('resolvedBy', 64, { isNullable: true })),
      new TableColumn(varchar('resolutionNote', 255, { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['resolutionNote', 'resolvedBy']) await queryRunner.dropColumn('staff_alert', column);
    for (const column of ['resolutionNote', 'resolvedBy', 'resolvedAt', 'resolution'])
      await queryRunner.dropColumn('payment', column);
    for (const column of ['offline', 'sentAt', 'queuedUntil', 'failureReason'])
      await queryRunner.dropColumn('refund', column);
  }
}
