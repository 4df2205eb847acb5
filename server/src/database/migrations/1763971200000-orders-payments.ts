import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, money, sqlString, text, time, updatedAt, varchar } from './migration-columns';

/** Orders, their lines and history, payments, refunds, the revenue ledger, gift claims and consent credits. */
export class OrdersPayments1763971200000 implements MigrationInterface {
  name = 'OrdersPayments1763971200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: ConstructorParameters<typeof Table>[0]) =>
      queryRunner.createTable(new Table(table), false, true, true);

    await create({
      name: 'customer_order',
      columns: [
        id(),
        varchar('outTradeNo', 32),
        int('customerId'),
        varchar('kind', 16),
        varchar('status', 20),
        money('totalFen'),
        money('listTotalFen'),
        money('refundedFen', { default: 0 }),
        int('pricedAsTierId', { isNullable: true }),
        int('termId', { isNullable: true }),
        int('tierId', { isNullable: true }),
        int('giftPackId', { isNullable: true }),
        int('parentOrderId', { isNullable: true }),
        int('milestoneId', { isNullable: true }),
        text('address', { isNullable: true }),
        text('tierTerms', { isNullable: true }),
        time('expiresAt', { isNullable: true }),
        time('paidAt', { isNullable: true }),
        time('closedAt', { isNullable: true }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_order_outTradeNo', columnNames: ['outTradeNo'], isUnique: true },
        { name: 'IDX_order_customer_created', columnNames: ['customerId', 'createdAt'] },
        { name: 'IDX_order_status_expires', columnNames: ['status', 'expiresAt'] },
        { name: 'IDX_order_termId', columnNames: ['termId'] },
        { name: 'IDX_order_parentOrderId', columnNames: ['parentOrderId'] },
      ],
      foreignKeys: [fk('customerId', 'customer', 'RESTRICT')],
    });
    await create({
      name: 'order_line',
      columns: [
        id(),
        int('orderId'),
        int('skuId', { isNullable: true }),
        int('giftPackId', { isNullable: true }),
        varchar('name', 200),
        varchar('image', 512, { isNullable: true }),
        int('quantity'),
        money('unitListPriceFen'),
        money('unitPriceFen'),
        money('lineTotalFen'),
      ],
      indices: [
        { name: 'IDX_order_line_orderId', columnNames: ['orderId'] },
        { name: 'IDX_order_line_skuId', columnNames: ['skuId'] },
      ],
      foreignKeys: [fk('orderId', 'customer_order', 'CASCADE')],
    });
    await create({
      name: 'order_event',
      columns: [
        id(),
        int('orderId'),
        varchar('fromStatus', 20, { isNullable: true }),
        varchar('toStatus', 20),
        varchar('note', 255, { default: sqlString('') }),
        createdAt(queryRunner),
      ],
      indices: [{ name: 'IDX_order_event_orderId', columnNames: ['orderId'] }],
      foreignKeys: [fk('orderId', 'customer_order', 'CASCADE')],
    });
    await create({
      name: 'payment',
      columns: [
        id(),
        int('orderId'),
        varchar('outTradeNo', 32),
        varchar('prepayId', 64, { isNullable: true }),
        varchar('transactionId', 64, { isNullable: true }),
        money('amountFen'),
        money('paidFen', { isNullable: true }),
        varchar('status', 16),
        varchar('flagReason', 255, { isNullable: true }),
        text('raw', { isNullable: true }),
        time('succeededAt', { isNullable: true }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_payment_orderId', columnNames: ['orderId'], isUnique: true },
        { name: 'UQ_payment_outTradeNo', columnNames: ['outTradeNo'], isUnique: true },
        { name: 'UQ_payment_transactionId', columnNames: ['transactionId'], isUnique: true },
        { name: 'IDX_payment_status', columnNames: ['status'] },
      ],
      foreignKeys: [fk('orderId', 'customer_order', 'RESTRICT')],
    });
    await create({
      name: 'refund',
      columns: [
        id(),
        int('orderId'),
        varchar('outRefundNo', 64),
        varchar('refundId', 64, { isNullable: true }),
        money('amountFen'),
        varchar('status', 16),
        varchar('reason', 255),
        int('requestedByStaffId', { isNullable: true }),
        text('raw', { isNullable: true }),
        time('succeededAt', { isNullable: true }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'IDX_refund_orderId', columnNames: ['orderId'] },
        { name: 'UQ_refund_outRefundNo', columnNames: ['outRefundNo'], isUnique: true },
        { name: 'UQ_refund_refundId', columnNames: ['refundId'], isUnique: true },
        { name: 'IDX_refund_status', columnNames: ['status'] },
      ],
      foreignKeys: [fk('orderId', 'customer_order', 'RESTRICT')],
    });
    await create({
      name: 'ledger_entry',
      columns: [
        id(),
        varchar('sourceKey', 40),
        varchar('kind', 16),
        time('occurredAt'),
        int('orderId'),
        int('customerId'),
        int('tierId', { isNullable: true }),
        int('termId', { isNullable: true }),
        money('amountFen'),
        varchar('channelTransactionId', 64, { isNullable: true }),
      ],
      indices: [
        { name: 'UQ_ledger_entry_sourceKey', columnNames: ['sourceKey'], isUnique: true },
        { name: 'IDX_ledger_entry_occurredAt', columnNames: ['occurredAt'] },
        { name: 'IDX_ledger_entry_tier_occurredAt', columnNames: ['tierId', 'occurredAt'] },
        { name: 'IDX_ledger_entry_orderId', columnNames: ['orderId'] },
      ],
    });
    await create({
      name: 'gift_claim',
      columns: [
        id(),
        varchar('claimKey', 48),
        int('customerId'),
        int('termId'),
        varchar('source', 16),
        int('milestoneId', { isNullable: true }),
        int('giftPackId'),
        int('orderId'),
        int('valueFen'),
        createdAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_gift_claim_claimKey', columnNames: ['claimKey'], isUnique: true },
        { name: 'IDX_gift_claim_customerId', columnNames: ['customerId'] },
        { name: 'IDX_gift_claim_termId', columnNames: ['termId'] },
      ],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE'), fk('termId', 'membership_term', 'CASCADE')],
    });
    await create({
      name: 'consent_credit',
      columns: [
        id(),
        int('customerId'),
        varchar('templateId', 64),
        int('credits', { default: 0 }),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_consent_credit_customer_template', columnNames: ['customerId', 'templateId'], isUnique: true },
      ],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE')],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'consent_credit',
      'gift_claim',
      'ledger_entry',
      'refund',
      'payment',
      'order_event',
      'order_line',
      'customer_order',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
