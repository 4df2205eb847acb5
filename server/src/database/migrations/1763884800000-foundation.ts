import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, money, sqlString, text, time, updatedAt, varchar } from './migration-columns';

/** Catalog, tiers, benefits, gift packs, milestones, customers, memberships, staff and audit log. */
export class Foundation1763884800000 implements MigrationInterface {
  name = 'Foundation1763884800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: ConstructorParameters<typeof Table>[0]) =>
      queryRunner.createTable(new Table(table), false, true, true);

    await create({
      name: 'benefit',
      columns: [
        id(),
        varchar('type', 32),
        varchar('title', 64),
        text('description'),
        varchar('icon', 32, { default: sqlString('star') }),
        text('config', { isNullable: true }),
      ],
    });
    await create({
      name: 'tier',
      columns: [
        id(),
        varchar('code', 32),
        varchar('name', 64),
        text('description'),
        money('priceFen'),
        varchar('termUnit', 8),
        int('termLength'),
        varchar('status', 16, { default: sqlString('DRAFT') }),
        int('sortOrder', { default: 0 }),
        varchar('image', 512, { isNullable: true }),
        int('defaultDiscountBp', { default: 0 }),
        int('giftPackChoices', { default: 1 }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_tier_code', columnNames: ['code'], isUnique: true },
        { name: 'IDX_tier_status', columnNames: ['status'] },
      ],
    });
    await create({
      name: 'product',
      columns: [
        id(),
        varchar('title', 128),
        varchar('subtitle', 255, { default: sqlString('') }),
        text('description'),
        varchar('category', 32),
        text('images'),
        bool('onSale', true),
        time('publicFrom', { isNullable: true }),
        int('sortOrder', { default: 0 }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'IDX_product_category', columnNames: ['category'] },
        { name: 'IDX_product_onSale', columnNames: ['onSale'] },
      ],
    });
    await create({
      name: 'sku',
      columns: [
        id(),
        int('productId'),
        varchar('code', 64),
        varchar('name', 64),
        money('listPriceFen'),
        int('stock', { default: 0 }),
      ],
      indices: [
        { name: 'UQ_sku_code', columnNames: ['code'], isUnique: true },
        { name: 'IDX_sku_productId', columnNames: ['productId'] },
      ],
      foreignKeys: [fk('productId', 'product', 'CASCADE')],
    });
    await create({
      name: 'sku_member_price',
      columns: [id(), int('skuId'), int('tierId'), money('priceFen')],
      indices: [
        { name: 'UQ_sku_member_price_sku_tier', columnNames: ['skuId', 'tierId'], isUnique: true },
        { name: 'IDX_sku_member_price_tierId', columnNames: ['tierId'] },
      ],
      foreignKeys: [fk('skuId', 'sku', 'CASCADE'), fk('tierId', 'tier', 'CASCADE')],
    });
    await create({
      name: 'gift_pack',
      columns: [
        id(),
        varchar('name', 64),
        text('description'),
        money('valueFen'),
        int('stock', { default: 0 }),
        varchar('image', 512, { isNullable: true }),
      ],
    });
    await create({
      name: 'gift_pack_item',
      columns: [id(), int('giftPackId'), int('skuId'), int('quantity')],
      indices: [
        { name: 'IDX_gift_pack_item_giftPackId', columnNames: ['giftPackId'] },
        { name: 'IDX_gift_pack_item_skuId', columnNames: ['skuId'] },
      ],
      foreignKeys: [fk('giftPackId', 'gift_pack', 'CASCADE'), fk('skuId', 'sku', 'RESTRICT')],
    });
    await create({
      name: 'tier_benefit',
      columns: [int('tierId', { isPrimary: true }), int('benefitId', { isPrimary: true })],
      indices: [{ name: 'IDX_tier_benefit_benefitId', columnNames: ['benefitId'] }],
      foreignKeys: [fk('tierId', 'tier', 'CASCADE'), fk('benefitId', 'benefit', 'CASCADE')],
    });
    await create({
      name: 'tier_gift_pack',
      columns: [int('tierId', { isPrimary: true }), int('giftPackId', { isPrimary: true })],
      indices: [{ name: 'IDX_tier_gift_pack_giftPackId', columnNames: ['giftPackId'] }],
      foreignKeys: [fk('tierId', 'tier', 'CASCADE'), fk('giftPackId', 'gift_pack', 'CASCADE')],
    });
    await create({
      name: 'milestone',
      columns: [
        id(),
        money('thresholdFen'),
        varchar('title', 64),
        text('description'),
        int('giftPackId', { isNullable: true }),
      ],
      indices: [
        { name: 'UQ_milestone_threshold', columnNames: ['thresholdFen'], isUnique: true },
        { name: 'IDX_milestone_giftPackId', columnNames: ['giftPackId'] },
      ],
      foreignKeys: [fk('giftPackId', 'gift_pack', 'SET NULL')],
    });
    await create({
      name: 'milestone_benefit',
      columns: [int('milestoneId', { isPrimary: true }), int('benefitId', { isPrimary: true })],
      indices: [{ name: 'IDX_milestone_benefit_benefitId', columnNames: ['benefitId'] }],
      foreignKeys: [fk('milestoneId', 'milestone', 'CASCADE'), fk('benefitId', 'benefit', 'CASCADE')],
    });
    await create({
      name: 'customer',
      columns: [
        id(),
        varchar('openid', 64),
        varchar('unionid', 64, { isNullable: true }),
        varchar('nickname', 64, { default: sqlString('') }),
        varchar('phone', 20, { isNullable: true }),
        createdAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_customer_openid', columnNames: ['openid'], isUnique: true },
        { name: 'IDX_customer_unionid', columnNames: ['unionid'] },
        { name: 'IDX_customer_nickname', columnNames: ['nickname'] },
        { name: 'IDX_customer_phone', columnNames: ['phone'] },
      ],
    });
    await create({
      name: 'address',
      columns: [
        id(),
        int('customerId'),
        varchar('name', 32),
        varchar('phone', 20),
        varchar('province', 32),
        varchar('city', 32),
        varchar('district', 32),
        varchar('detail', 255),
        bool('isDefault', false),
      ],
      indices: [{ name: 'IDX_address_customerId', columnNames: ['customerId'] }],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE')],
    });
    await create({
      name: 'membership',
      columns: [
        id(),
        int('customerId'),
        int('tierId'),
        varchar('status', 16),
        time('termEnd', { isNullable: true }),
        varchar('revokedReason', 255, { isNullable: true }),
        time('revokedAt', { isNullable: true }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_membership_customerId', columnNames: ['customerId'], isUnique: true },
        { name: 'IDX_membership_tierId', columnNames: ['tierId'] },
        { name: 'IDX_membership_status', columnNames: ['status'] },
        { name: 'IDX_membership_termEnd', columnNames: ['termEnd'] },
      ],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE'), fk('tierId', 'tier', 'RESTRICT')],
    });
    await create({
      name: 'membership_term',
      columns: [
        id(),
        int('membershipId'),
        int('tierId'),
        time('start'),
        time('end'),
        varchar('source', 16),
        int('orderId', { isNullable: true }),
        money('feeFen', { default: 0 }),
        text('snapshot'),
        createdAt(queryRunner),
      ],
      indices: [
        { name: 'IDX_membership_term_membership_start', columnNames: ['membershipId', 'start'] },
        { name: 'IDX_membership_term_tierId', columnNames: ['tierId'] },
        { name: 'IDX_membership_term_end', columnNames: ['end'] },
        { name: 'IDX_membership_term_orderId', columnNames: ['orderId'] },
      ],
      foreignKeys: [fk('membershipId', 'membership', 'CASCADE'), fk('tierId', 'tier', 'RESTRICT')],
    });
    await create({
      name: 'staff_user',
      columns: [
        id(),
        varchar('username', 64),
        varchar('passwordHash', 255),
        varchar('role', 16),
        bool('active', true),
        createdAt(queryRunner),
      ],
      indices: [{ name: 'UQ_staff_user_username', columnNames: ['username'], isUnique: true }],
    });
    await create({
      name: 'audit_log',
      columns: [
        id(),
        int('staffId', { isNullable: true }),
        varchar('staffUsername', 64, { isNullable: true }),
        varchar('action', 64),
        varchar('entity', 32),
        varchar('entityId', 64, { isNullable: true }),
        text('before', { isNullable: true }),
        text('after', { isNullable: true }),
        createdAt(queryRunner),
      ],
      indices: [
        { name: 'IDX_audit_log_staffId', columnNames: ['staffId'] },
        { name: 'IDX_audit_log_entity', columnNames: ['entity'] },
        { name: 'IDX_audit_log_createdAt', columnNames: ['createdAt'] },
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'staff_user',
      'membership_term',
      'membership',
      'address',
      'customer',
      'milestone_benefit',
      'milestone',
      'tier_gift_pack',
      'tier_benefit',
      'gift_pack_item',
      'gift_pack',
      'sku_member_price',
      'sku',
      'product',
      'tier',
      'benefit',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
