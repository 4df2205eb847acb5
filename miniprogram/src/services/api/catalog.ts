import type { CategoryView, Page, ProductView, TierView } from '@member-commerce/shared';
import { publicApi, call } from '../request';

export interface ProductListQuery {
  page?: number;
  pageSize?: number;
  category?: string;
  q?: string;
}

// Catalog calls send the token when we have one: a member token turns prices into member prices.
export const listTiers = () => call<TierView[]>(publicApi.GET('/api/tiers'));
export const listCategories = () => call<CategoryView[]>(publicApi.GET('/api/categories'));
export const listProducts = (query: ProductListQuery = {}) =>
  call<Page<ProductView>>(publicApi.GET('/api/products', { params: { query } }));
export const getProduct = (id: number) =>
  call<ProductView>(publicApi.GET('/api/products/{id}', { params: { path: { id } } }));
