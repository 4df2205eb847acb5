import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { bool, createdAt, fk, id, int, money, text, time, updatedAt, varchar } from './migration-columns';

/**
 * The order lifecycle's money rules: refunds that end a term, refund requests above a staff limit, who granted
 * extra days (support's cap is per term), alerts for staff, coupons and the shipping fee.
 */
export class OrderLifecycle1764000000000 implements MigrationInterface {
  name = 'OrderLifecycle1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: ConstructorParameters<typeof Table>[0]) =>
      queryRunner.createTable(new Table(table), false, true, true);
    await queryRunner.addColumn('refund', new TableColumn(bool('endsTerm', false)));
    await queryRunner.addColumns('customer_order', [
      new TableColumn(money('shippingFen', { default: 0 })),
      new TableColumn(money('couponDiscountFen', { default: 0 })),
      new TableColumn(int('couponId', { isNullable: true })),
      new TableColumn(varchar('carrier', 16, { isNullable: true })),
      new TableColumn(varchar('trackingNo', 40, { isNullable: true })),
      new TableColumn(time('shippedAt', { isNullable: true })),
    ]);
    await create({
      name: 'coupon',
      columns: [
        id(),
        varchar('issueKey', 64),
        int('customerId'),
        int('termId'),
        int('benefitId'),
        varchar('title', 64),
        money('amountFen'),
        money('thresholdFen'),
        time('validFrom'),
        time('validTo'),
        varchar('status', 16),
        int('orderId', { isNullable: true }),
        money('discountFen', { default: 0 }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_coupon_issueKey', columnNames: ['issueKey'], isUnique: true },
        { name: 'IDX_coupon_customer_status', columnNames: ['customerId', 'status'] },
        { name: 'IDX_coupon_status_validTo', columnNames: ['status', 'validTo'] },
        { name: 'IDX_coupon_termId', columnNames: ['termId'] },
        { name: 'IDX_coupon_orderId', columnNames: ['orderId'] },
      ],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE')],
    });
    await create({
      name: 'shipping_policy',
      columns: [
        int('id', { isPrimary: true }),
        money('flatFeeFen'),
        money('freeAboveFen', { isNullable: true }),
        updatedAt(queryRunner),
      ],
    });
    await queryRunner.addColumns('membership_term', [
      new TableColumn(int('grantedByStaffId', { isNullable: true })),
      new TableColumn(varchar('grantedByRole', 16, { isNullable: true })),
    ]);
    await create({
      name: 'refund_request',
      columns: [
        id(),
        int('orderId'),
        money('amountFen'),
        varchar('reason', 255),
        varchar('status', 16),
        int('requestedByStaffId'),
        varchar('requestedBy', 64),
        int('decidedByStaffId', { isNullable: true }),
        varchar('decidedBy', 64, { isNullable: true }),
        varchar('decisionNote', 255, { isNullable: true }),
        time('decidedAt', { isNullable: true }),
        int('refundId', { isNullable: true }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'IDX_refund_request_orderId', columnNames: ['orderId'] },
        { name: 'IDX_refund_request_status_created', columnNames: ['status', 'createdAt'] },
      ],
      foreignKeys: [fk('orderId', 'customer_order', 'RESTRICT')],
    });
    await create({
      name: 'staff_alert',
      columns: [
        id(),
        varchar('kind', 32),
        int('customerId'),
        int('orderId', { isNullable: true }),
        varchar('message', 255),
        text('details', { isNullable: true }),
        createdAt(queryRunner),
        time('resolvedAt', { isNullable: true }),
      ],
      indices: [
        { name: 'IDX_staff_alert_customerId', columnNames: ['customerId'] },
        { name: 'IDX_staff_alert_createdAt', columnNames: ['createdAt'] },
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('shipping_policy');
    await queryRunner.dropTable('coupon');
    for (const column of ['shippedAt', 'trackingNo', 'carrier', 'couponId', 'couponDiscountFen', 'shippingFen'])
      await queryRunner.dropColumn('customer_order', column);
    await queryRunner.dropTable('staff_alert');
    await queryRunner.dropTable('refund_request');
    await queryRunner.dropColumn('membership_term', 'grantedByRole');
    await queryRunner.dropColumn('membership_term', 'grantedByStaffId');
    await queryRunner.dropColumn('refund', 'endsTerm');
  }
}
