import type { BannerView, Page, ProductView } from '@member-commerce/shared';
import { publicApi, anonymousApi, call } from '../request';

export interface ProductQuery {
  page: number;
  pageSize: number;
  category?: string;
  q?: string;
}

const matches = (product: ProductView, q: string) =>
  [product.title, product.subtitle, product.category].some((text) => text.toLowerCase().includes(q.toLowerCase()));

/**
 * `GET /api/products` ({ items, total, page, pageSize }). A server that still answers with
 * the whole array (before paging landed) is filtered and paged here so search works against both.
 */
function toProductPage(body: Page<ProductView> | ProductView[], query: ProductQuery): Page<ProductView> {
  if (!Array.isArray(body)) return body;
  const q = query.q?.trim();
  const found = body.filter(
    (product) => (!query.category || product.category === query.category) && (!q || matches(product, q)),
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: found.slice(start, start + query.pageSize),
    total: found.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function searchProducts(query: ProductQuery): Promise<Page<ProductView>> {
  const body = await call<Page<ProductView> | ProductView[]>(publicApi.GET('/api/products', { params: { query } }));
  return toProductPage(body, query);
}

export const listBanners = () => call<BannerView[]>(anonymousApi.GET('/api/banners'));
