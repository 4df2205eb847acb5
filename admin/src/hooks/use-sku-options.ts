import { MAX_PAGE_SIZE } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { searchProducts } from '../api/products';
import { useAsync } from './use-async';

export interface SkuOption {
  value: number;
  label: string;
  /** Unknown for items kept from a pack whose product is past the first page. */
  listPriceFen?: number;
}

/** SKUs of the first page of products (up to 100), as Select options "商品 / 规格 (编码) ¥价". */
export function useSkuOptions(enabled: boolean) {
  return useAsync<SkuOption[]>(async () => {
    if (!enabled) return [];
    const page = await searchProducts({ pageSize: MAX_PAGE_SIZE });
    return page.items.flatMap((product) =>
      product.skus.map((sku) => ({
        value: sku.id,
        label: `${product.title} / ${sku.name}（${sku.code}）${formatFen(sku.listPriceFen, { decimals: false })}`,
        listPriceFen: sku.listPriceFen,
      })),
    );
  }, [enabled]);
}
