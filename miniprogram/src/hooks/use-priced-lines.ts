import type { ProductView, SkuView } from '@member-commerce/shared';
import { getProduct } from '../services/api/catalog';
import type { CartLine } from '../services/cart';

/** A cart or checkout line with the server's current prices for this caller. */
export interface PricedLine extends CartLine {
  product?: ProductView;
  sku?: SkuView;
  /** Why the line cannot be bought (product gone, SKU gone). */
  problem?: string;
}

export interface PricedSummary {
  lines: PricedLine[];
  totalFen: number;
  listTotalFen: number;
  /** What a member would save on these lines (upsell for non-members, savings for members). */
  memberSavingsFen: number;
}

/** Looks every line's product up on the server; prices are never taken from storage. */
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
  const ok = priced.filter((l) => l.sku && !l.problem);
  return {
    lines: priced,
    totalFen: ok.reduce((n, l) => n + l.sku!.priceFen * l.quantity, 0),
    listTotalFen: ok.reduce((n, l) => n + l.sku!.listPriceFen * l.quantity, 0),
    memberSavingsFen: ok.reduce((n, l) => n + Math.max(0, l.sku!.listPriceFen - l.sku!.memberPriceFen) * l.quantity, 0),
  };
}
