import type { CategoryView, Page, ProductView, TierView } from '@member-commerce/shared';
import { http } from '../request';

export interface ProductListQuery {
  page?: number;
  pageSize?: number;
  category?: string;
  q?: string;
}

// Catalog calls send the token when we have one: a member token turns prices into member prices.
export const listTiers = () => http.get<TierView[]>('/api/tiers', { auth: 'optional' });
export const listCategories = () => http.get<CategoryView[]>('/api/categories', { auth: 'optional' });
export const listProducts = (query: ProductListQuery = {}) =>
  http.get<Page<ProductView>>('/api/products', { auth: 'optional', query: { ...query } });
export const getProduct = (id: number) => http.get<ProductView>(`/api/products/${id}`, { auth: 'optional' });
