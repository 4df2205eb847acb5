import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { money } from './migration-columns';

/**
 * Orders store their goods total and member savings (shared `orderMoney`), so views and reports read them
 * instead of re-deriving; existing orders are filled with the rule they were shown with until now.
 */
export class OrderMoney1765800000000 implements MigrationInterface {
  name = 'OrderMoney1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('customer_order', new TableColumn(money('goodsFen', { default: 0 })));
    await queryRunner.addColumn('customer_order', new TableColumn(money('memberSavingsFen', { default: 0 })));
    await queryRunner.query(
      'UPDATE customer_order SET goodsFen = totalFen - shippingFen + couponDiscountFen, ' +
        "memberSavingsFen = CASE WHEN kind = 'PRODUCT' AND pricedAsTierId IS NOT NULL " +
        'THEN listTotalFen - (totalFen - shippingFen + couponDiscountFen) ELSE 0 END',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('customer_order', 'memberSavingsFen');
    await queryRunner.dropColumn('customer_order', 'goodsFen');
  }
}
