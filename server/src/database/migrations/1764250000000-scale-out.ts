import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, int, money, text, time, varchar } from './migration-columns';

/**
 * Nothing another API process needs stays in memory: scheduled jobs claim their runs in `job_lease`, and the
 * dev WeChat simulator keeps its keys, transactions, refunds and message log in `dev_wechat_*`.
 */
export class ScaleOut1764250000000 implements MigrationInterface {
  name = 'ScaleOut1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: ConstructorParameters<typeof Table>[0]) =>
      queryRunner.createTable(new Table(table), false, true, true);
    const key = (name: string, length: number) => varchar(name, length, { isPrimary: true });

    await create({ name: 'job_lease', columns: [key('name', 64), varchar('owner', 128), time('leasedUntil')] });
    await create({
      name: 'dev_wechat_keys',
      columns: [
        key('name', 16),
        varchar('appSecret', 64),
        varchar('merchantSerial', 64),
        varchar('apiV3Key', 32),
        text('merchantPrivateKey'),
        text('platformPrivateKey'),
      ],
    });
    await create({
      name: 'dev_wechat_order',
      columns: [
        key('outTradeNo', 32),
        varchar('prepayId', 64),
        varchar('appid', 32),
        varchar('mchid', 32),
        varchar('description', 127),
        money('amountFen'),
        varchar('openid', 128),
        varchar('expiresAt', 32),
        varchar('notifyUrl', 512),
        varchar('attach', 128),
        varchar('state', 16),
        varchar('transactionId', 32, { isNullable: true }),
        varchar('successTime', 32, { isNullable: true }),
      ],
    });
    await create({
      name: 'dev_wechat_refund',
      columns: [
        key('outRefundNo', 64),
        varchar('outTradeNo', 32),
        varchar('refundId', 32),
        money('refundFen'),
        money('totalFen'),
        varchar('status', 16),
        varchar('successTime', 32, { isNullable: true }),
        varchar('createTime', 32),
      ],
      indices: [{ name: 'IDX_dev_wechat_refund_outTradeNo', columnNames: ['outTradeNo'] }],
    });
    await create({
      name: 'dev_wechat_message',
      columns: [
        id(),
        varchar('openid', 128),
        varchar('templateId', 64),
        varchar('page', 255, { isNullable: true }),
        text('data'),
        varchar('miniprogramState', 16, { isNullable: true }),
        int('errcode'),
        time('sentAt'),
      ],
    });
    await create({ name: 'dev_wechat_refusal', columns: [key('openid', 128)] });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'dev_wechat_refusal',
      'dev_wechat_message',
      'dev_wechat_refund',
      'dev_wechat_order',
      'dev_wechat_keys',
      'job_lease',
    ]) {
      await queryRunner.dropTable(table, true);
    }
  }
}
