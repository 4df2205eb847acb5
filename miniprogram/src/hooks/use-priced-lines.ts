import type { CheckoutQuote, ProductView, SkuView } from '@member-commerce/shared';
import { getProduct } from '../services/api/catalog';
import { quoteOrder } from '../services/api/orders';
import type { CartLine } from '../services/cart';

/** A cart or checkout line with the server's current product and SKU for this caller. */
export interface PricedLine extends CartLine {
  product?: ProductView;
  sku?: SkuView;
  /** Why the line cannot be bought (product gone, SKU gone). */
  problem?: string;
}

export interface PricedSummary {
  lines: PricedLine[];
  /**
   * The server's figures for the buyable lines (goods, list total, member savings or the member upsell, total):
   * the storefront prints them and never adds prices up itself. Absent when nothing is buyable or pricing failed.
   */
  quote?: CheckoutQuote;
}

/** The lines that can be bought, as order items. */
export const buyableItems = (lines: readonly PricedLine[]) =>
  lines.filter((l) => l.sku && !l.problem).map((l) => ({ skuId: l.skuId, quantity: l.quantity }));

/** Looks every line's product up on the server (prices are never taken from storage) and has the server price them. */
export async function priceLines(lines: CartLine[]): Promise<PricedSummary> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const products = new Map<number, ProductView | undefined>();
  await Promise.all(
    ids.map(async (id) => {
      products.set(id, await getProduct(id).catch(() => undefined));
    }),
  );
  const priced = lines.map<PricedLine>((line) => {
    const product = products.get(line.productId);
    const sku = product?.skus.find((s) => s.id === line.skuId);
    const problem = !product ? '商品已下架' : !sku ? '规格已失效' : sku.stock < line.quantity ? '库存不足' : undefined;
    return { ...line, product, sku, problem };
  });
  const items = buyableItems(priced);
  const quote = items.length ? await quoteOrder({ items }).catch(() => undefined) : undefined;
  return { lines: priced, quote };
}
