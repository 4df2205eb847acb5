import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { GRAM_LENGTH, indexGrams, productSearchText } from '../../catalog/search-grams';
import { fk, int, text, varchar } from './migration-columns';

/**
 * The storefront catalogue at size: an index for its paged listing, the gram table behind `q` search
 * (one B-tree both databases use; see catalog/search-grams.ts), and one cache-version row per cached area.
 */
export class CatalogueAtSize1764200000000 implements MigrationInterface {
  name = 'CatalogueAtSize1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    await queryRunner.addColumn('product', new TableColumn(text('searchText', { isNullable: true })));
    await queryRunner.createTable(
      new Table({
        name: 'product_search_gram',
        columns: [
          // Binary collation on MySQL: "é" and "e" are different grams, so the primary key cannot collide.
          varchar('gram', GRAM_LENGTH, {
            isPrimary: true,
            ...(mysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {}),
          }),
          int('productId', { isPrimary: true }),
        ],
        indices: [{ name: 'IDX_product_search_gram_productId', columnNames: ['productId'] }],
        foreignKeys: [fk('productId', 'product', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'cache_version',
        columns: [varchar('area', 32, { isPrimary: true }), int('version', { default: 0 })],
      }),
      false,
    );
    await queryRunner.query(`INSERT INTO cache_version (area, version) VALUES ('catalog', 0), ('tiers', 0)`);
    // The listing's order (sortOrder, then newest) read straight from an index, whatever the catalogue's size.
    await queryRunner.query('CREATE INDEX IDX_product_listing ON product (onSale, sortOrder, id DESC)');
    await queryRunner.query(
      'CREATE INDEX IDX_product_category_listing ON product (category, onSale, sortOrder, id DESC)',
    );
    await this.indexExistingProducts(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const on = queryRunner.connection.driver.options.type === 'mysql' ? ' ON product' : '';
    await queryRunner.query(`DROP INDEX IDX_product_category_listing${on}`);
    await queryRunner.query(`DROP INDEX IDX_product_listing${on}`);
    await queryRunner.dropTable('cache_version');
    await queryRunner.dropTable('product_search_gram');
    await queryRunner.dropColumn('product', 'searchText');
  }

  private async indexExistingProducts(queryRunner: QueryRunner): Promise<void> {
    const products: { id: number; title: string; subtitle: string }[] = await queryRunner.query(
      'SELECT id, title, subtitle FROM product',
    );
    for (const product of products) {
      const searchText = productSearchText(product.title, product.subtitle);
      await queryRunner.query('UPDATE product SET searchText = ? WHERE id = ?', [searchText, product.id]);
      const grams = indexGrams(searchText);
      if (grams.length) {
        await queryRunner.query(
          `INSERT INTO product_search_gram (gram, productId) VALUES ${grams.map(() => '(?, ?)').join(', ')}`,
          grams.flatMap((gram) => [gram, product.id]),
        );
      }
    }
  }
}
