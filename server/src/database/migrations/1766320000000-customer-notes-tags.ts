import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, text, varchar } from './migration-columns';

/** 客户详情: staff notes on a customer (append-only) and staff-defined tags. */
export class CustomerNotesTags1766320000000 implements MigrationInterface {
  name = 'CustomerNotesTags1766320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'customer_note',
        columns: [
          id(),
          int('customerId'),
          text('text'),
          int('staffId', { isNullable: true }),
          varchar('staffUsername', 64),
          createdAt(queryRunner),
        ],
        indices: [{ name: 'IDX_customer_note_customerId', columnNames: ['customerId'] }],
        foreignKeys: [fk('customerId', 'customer', 'CASCADE')],
      }),
      false,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_tag',
        columns: [id(), varchar('name', 20), createdAt(queryRunner)],
        indices: [{ name: 'UQ_customer_tag_name', columnNames: ['name'], isUnique: true }],
      }),
      false,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_tag_link',
        columns: [int('customerId', { isPrimary: true }), int('tagId', { isPrimary: true }), createdAt(queryRunner)],
        indices: [{ name: 'IDX_customer_tag_link_tagId', columnNames: ['tagId'] }],
        foreignKeys: [fk('customerId', 'customer', 'CASCADE'), fk('tagId', 'customer_tag', 'CASCADE')],
      }),
      false,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('customer_tag_link');
    await queryRunner.dropTable('customer_tag');
    await queryRunner.dropTable('customer_note');
  }
}
