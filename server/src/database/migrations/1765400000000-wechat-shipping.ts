import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, nowDefault, text, time, updatedAt, varchar } from './migration-columns';

/** WeChat's shipping-information service: one upload record per paid order, the trade events WeChat pushes, the dev simulator's upload log. */
export class WechatShipping1765400000000 implements MigrationInterface {
  name = 'WechatShipping1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'wechat_shipping',
        columns: [
          id(),
          int('orderId'),
          int('shippedOrderId', { isNullable: true }),
          int('logisticsType'),
          varchar('status', 16),
          varchar('expressCompany', 16, { isNullable: true }),
          varchar('trackingNo', 40, { isNullable: true }),
          int('attempts', { default: 0 }),
          int('errcode', { isNullable: true }),
          varchar('errmsg', 255, { isNullable: true }),
          int('acceptedUploads', { default: 0 }),
          int('revision', { default: 0 }),
          time('nextAttemptAt', { isNullable: true }),
          time('claimedUntil', { isNullable: true }),
          time('uploadedAt', { isNullable: true }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        uniques: [{ name: 'UQ_wechat_shipping_orderId', columnNames: ['orderId'] }],
        indices: [
          { name: 'IDX_wechat_shipping_status_next', columnNames: ['status', 'nextAttemptAt'] },
          { name: 'IDX_wechat_shipping_shippedOrderId', columnNames: ['shippedOrderId'] },
        ],
        foreignKeys: [fk('orderId', 'customer_order', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'wechat_trade_event',
        columns: [
          id(),
          varchar('event', 64),
          varchar('transactionId', 32, { default: "''" }),
          varchar('outTradeNo', 32, { isNullable: true }),
          int('createTime'),
          time('confirmReceiveAt', { isNullable: true }),
          time('settledAt', { isNullable: true }),
          text('payload'),
          time('receivedAt', { default: nowDefault(queryRunner) }),
        ],
        uniques: [{ name: 'UQ_wechat_trade_event', columnNames: ['event', 'transactionId', 'createTime'] }],
        indices: [{ name: 'IDX_wechat_trade_event_outTradeNo', columnNames: ['outTradeNo'] }],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'dev_wechat_shipping_upload',
        columns: [
          id(),
          varchar('outTradeNo', 32),
          varchar('transactionId', 32, { isNullable: true }),
          int('logisticsType'),
          text('shippingList'),
          time('uploadedAt'),
        ],
        indices: [{ name: 'IDX_dev_wechat_shipping_upload_outTradeNo', columnNames: ['outTradeNo'] }],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dev_wechat_shipping_upload');
    await queryRunner.dropTable('wechat_trade_event');
    await queryRunner.dropTable('wechat_shipping');
  }
}
