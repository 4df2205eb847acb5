import type { CategoryView, ProductView, TierView } from '@member-commerce/shared';
import { http } from '../request';

// Catalog calls send the token when we have one: a member token turns prices into member prices.
export const listTiers = () => http.get<TierView[]>('/api/tiers', { auth: 'optional' });
export const listCategories = () => http.get<CategoryView[]>('/api/categories', { auth: 'optional' });
export const listProducts = (category?: string) =>
  http.get<ProductView[]>('/api/products', { auth: 'optional', query: { category } });
export const getProduct = (id: number) => http.get<ProductView>(`/api/products/${id}`, { auth: 'optional' });
