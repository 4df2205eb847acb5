import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { sqlString, varchar } from './migration-columns';

const GRACE_FIELDS = {
  thing1: '{tierName}续费扣款未成功',
  time2: '{graceUntil}',
  thing3: '宽限期内请到会员页手动续费',
};

/**
 * Reminder rules get a kind: RENEWAL (sent on a day relative to the term end) or GRACE (sent once when an
 * auto-renew charge failed and the term entered its grace period). One GRACE rule is created, editable by staff.
 */
export class GraceNoticeRule1766100000000 implements MigrationInterface {
  name = 'GraceNoticeRule1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'reminder_rule',
      new TableColumn(varchar('kind', 16, { default: sqlString('RENEWAL') })),
    );
    await queryRunner.query(
      `INSERT INTO reminder_rule (name, offsetDays, templateId, page, fields, enabled, kind) VALUES (?, 0, NULL, ?, ?, 1, ?)`,
      ['自动续费扣款失败（宽限期）', 'pages/membership/index', JSON.stringify(GRACE_FIELDS), 'GRACE'],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM reminder WHERE ruleId IN (SELECT id FROM (SELECT id FROM reminder_rule WHERE kind = 'GRACE') AS g)`,
    );
    await queryRunner.query(`DELETE FROM reminder_rule WHERE kind = 'GRACE'`);
    await queryRunner.dropColumn('reminder_rule', 'kind');
  }
}
