import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, sqlString, text, time, updatedAt, varchar } from './migration-columns';

const PRE_END_FIELDS = { thing1: '{tierName}即将到期', time2: '{termEnd}', thing3: '还剩{daysLeft}天，续费不丢天数' };
const WIN_BACK_FIELDS = { thing1: '{tierName}已到期', time2: '{termEnd}', thing3: '现在续费，会员价立即恢复' };
const DEFAULT_RULES = [
  { name: '到期前30天', offsetDays: -30, fields: PRE_END_FIELDS },
  { name: '到期前7天', offsetDays: -7, fields: PRE_END_FIELDS },
  { name: '到期前1天', offsetDays: -1, fields: PRE_END_FIELDS },
  { name: '到期后3天（挽回）', offsetDays: 3, fields: WIN_BACK_FIELDS },
];

/**
 * Renewal reminders: staff-editable rules (with the four defaults), one claim row per (membership, term end, rule)
 * made unique by the database, and staff phone calls with their outcomes.
 */
export class RenewalReminders1764400000000 implements MigrationInterface {
  name = 'RenewalReminders1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: ConstructorParameters<typeof Table>[0]) =>
      queryRunner.createTable(new Table(table), false, true, true);

    await create({
      name: 'reminder_rule',
      columns: [
        id(),
        varchar('name', 64),
        int('offsetDays'),
        varchar('templateId', 64, { isNullable: true }),
        varchar('page', 255),
        text('fields'),
        bool('enabled', true),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
    });
    await create({
      name: 'reminder',
      columns: [
        id(),
        int('ruleId'),
        int('membershipId'),
        int('customerId'),
        time('termEnd'),
        varchar('status', 16),
        varchar('claimToken', 36),
        time('claimedAt'),
        time('remindedAt', { isNullable: true }),
        varchar('errorCode', 32, { isNullable: true }),
        bool('inApp', false),
        time('seenAt', { isNullable: true }),
        time('convertedAt', { isNullable: true }),
        createdAt(queryRunner),
      ],
      indices: [
        {
          name: 'UQ_reminder_membership_rule_termEnd',
          columnNames: ['membershipId', 'ruleId', 'termEnd'],
          isUnique: true,
        },
        { name: 'IDX_reminder_claimToken', columnNames: ['claimToken'] },
        { name: 'IDX_reminder_status_claimedAt', columnNames: ['status', 'claimedAt'] },
        { name: 'IDX_reminder_customer_remindedAt', columnNames: ['customerId', 'remindedAt'] },
        { name: 'IDX_reminder_rule_status', columnNames: ['ruleId', 'status'] },
      ],
      foreignKeys: [
        fk('ruleId', 'reminder_rule', 'RESTRICT'),
        fk('membershipId', 'membership', 'CASCADE'),
        fk('customerId', 'customer', 'CASCADE'),
      ],
    });
    await create({
      name: 'call_record',
      columns: [
        id(),
        int('customerId'),
        int('membershipId'),
        time('termEnd'),
        varchar('outcome', 16),
        varchar('note', 500, { default: sqlString('') }),
        int('staffId', { isNullable: true }),
        varchar('staffUsername', 64),
        time('calledAt'),
        time('convertedAt', { isNullable: true }),
      ],
      indices: [
        { name: 'IDX_call_record_customer_calledAt', columnNames: ['customerId', 'calledAt'] },
        { name: 'IDX_call_record_membershipId', columnNames: ['membershipId'] },
        { name: 'IDX_call_record_outcome', columnNames: ['outcome'] },
      ],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE'), fk('membershipId', 'membership', 'CASCADE')],
    });

    for (const rule of DEFAULT_RULES) {
      await queryRunner.query(
        `INSERT INTO reminder_rule (name, offsetDays, templateId, page, fields, enabled) VALUES (?, ?, NULL, ?, ?, 1)`,
        [rule.name, rule.offsetDays, 'pages/membership/index', JSON.stringify(rule.fields)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['call_record', 'reminder', 'reminder_rule'])
      await queryRunner.dropTable(table, true, true, true);
  }
}
