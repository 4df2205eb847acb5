import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, money, time, updatedAt, varchar } from './migration-columns';

/**
 * Auto-renew (WeChat 委托代扣): the customer's deduction contract, one claimed row per (contract, term end) that
 * carries a renewal cycle from notice to charge (or grace and lapse), and the dev simulator's contracts and notices.
 */
export class AutoRenew1765600000001 implements MigrationInterface {
  name = 'AutoRenew1765600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: ConstructorParameters<typeof Table>[0]) =>
      queryRunner.createTable(new Table(table), false, true, true);
    await create({
      name: 'auto_renew_contract',
      columns: [
        id(),
        int('customerId'),
        int('tierId'),
        money('amountFen'),
        varchar('status', 16),
        varchar('outContractCode', 32),
        varchar('wechatContractId', 32, { isNullable: true }),
        int('openKey', { isNullable: true }),
        time('signedAt', { isNullable: true }),
        time('cancelledAt', { isNullable: true }),
        varchar('cancelledBy', 16, { isNullable: true }),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_auto_renew_contract_outContractCode', columnNames: ['outContractCode'], isUnique: true },
        { name: 'UQ_auto_renew_contract_wechatContractId', columnNames: ['wechatContractId'], isUnique: true },
        { name: 'UQ_auto_renew_contract_openKey', columnNames: ['openKey'], isUnique: true },
        { name: 'IDX_auto_renew_contract_customerId', columnNames: ['customerId'] },
        { name: 'IDX_auto_renew_contract_tierId', columnNames: ['tierId'] },
        { name: 'IDX_auto_renew_contract_status', columnNames: ['status'] },
      ],
      foreignKeys: [fk('customerId', 'customer', 'CASCADE'), fk('tierId', 'tier', 'RESTRICT')],
    });
    await create({
      name: 'auto_renew_cycle',
      columns: [
        id(),
        int('contractId'),
        int('customerId'),
        time('termEnd'),
        varchar('status', 16),
        money('amountFen'),
        time('notifiedAt', { isNullable: true }),
        time('chargeAt', { isNullable: true }),
        time('nextAttemptAt', { isNullable: true }),
        int('attempts', { default: 0 }),
        varchar('lastError', 128, { isNullable: true }),
        int('orderId', { isNullable: true }),
        time('graceUntil', { isNullable: true }),
        varchar('claimToken', 36),
        time('claimedAt'),
        createdAt(queryRunner),
        updatedAt(queryRunner),
      ],
      indices: [
        { name: 'UQ_auto_renew_cycle_contract_termEnd', columnNames: ['contractId', 'termEnd'], isUnique: true },
        { name: 'IDX_auto_renew_cycle_status', columnNames: ['status'] },
        { name: 'IDX_auto_renew_cycle_customerId', columnNames: ['customerId'] },
        { name: 'IDX_auto_renew_cycle_orderId', columnNames: ['orderId'] },
      ],
      foreignKeys: [
        fk('contractId', 'auto_renew_contract', 'CASCADE'),
        fk('customerId', 'customer', 'CASCADE'),
        fk('orderId', 'customer_order', 'SET NULL'),
      ],
    });
    await create({
      name: 'dev_wechat_papay_contract',
      columns: [
        varchar('outContractCode', 32, { isPrimary: true }),
        varchar('preEntrustwebId', 64),
        varchar('contractId', 32, { isNullable: true }),
        int('planId'),
        varchar('appid', 32),
        varchar('mchid', 32),
        varchar('openid', 128),
        varchar('displayAccount', 32),
        varchar('notifyUrl', 512),
        varchar('state', 16),
        varchar('signedAt', 32, { isNullable: true }),
        varchar('terminatedAt', 32, { isNullable: true }),
        bool('failCharges', false),
      ],
      indices: [{ name: 'UQ_dev_wechat_papay_contract_contractId', columnNames: ['contractId'], isUnique: true }],
    });
    await create({
      name: 'dev_wechat_papay_notice',
      columns: [id(), varchar('contractId', 32), money('amountFen'), int('durationDays'), varchar('sentAt', 32)],
      indices: [{ name: 'IDX_dev_wechat_papay_notice_contractId', columnNames: ['contractId'] }],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'dev_wechat_papay_notice',
      'dev_wechat_papay_contract',
      'auto_renew_cycle',
      'auto_renew_contract',
    ])
      await queryRunner.dropTable(table, true);
  }
}
