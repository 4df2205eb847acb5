import { EntityManager } from 'typeorm';
import { indexGrams, productSearchText } from './search-grams';

/** Rewrites a product's search text and grams; call in the transaction that writes its title or subtitle. */
export async function reindexProductSearch(
  manager: EntityManager,
  product: { id: number; title: string; subtitle: string },
): Promise<void> {
  const searchText = productSearchText(product.title, product.subtitle);
  await manager.query('UPDATE product SET searchText = ? WHERE id = ?', [searchText, product.id]);
  await manager.query('DELETE FROM product_search_gram WHERE productId = ?', [product.id]);
  const grams = indexGrams(searchText);
  if (grams.length) {
    await manager.query(
      `INSERT INTO product_search_gram (gram, productId) VALUES ${grams.map(() => '(?, ?)').join(', ')}`,
      grams.flatMap((gram) => [gram, product.id]),
    );
  }
}
