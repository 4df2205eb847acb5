import type {
  AdminProductView,
  AdminSkuView,
  CategoryView,
  CreateProductRequest,
  MemberPriceInput,
  Page,
  ProductSalesView,
  SetOnSaleResult,
  SkuInput,
  UpdateProductRequest,
  UpdateSkuRequest,
} from '@member-commerce/shared';
import { http } from './client';

export interface ProductQuery {
  q?: string;
  category?: string;
  /** On-sale products with a SKU at or below the low-stock line (库存预警). */
  lowStock?: boolean;
  page?: number;
  pageSize?: number;
}

export const searchProducts = (query: ProductQuery = {}) => http.get<Page<AdminProductView>>('/api/admin/products', { ...query });

export const getProduct = (id: number) => http.get<AdminProductView>(`/api/admin/products/${id}`);

export const createProduct = (body: CreateProductRequest) => http.post<AdminProductView>('/api/admin/products', body);

export const updateProduct = (id: number, body: UpdateProductRequest) => http.patch<AdminProductView>(`/api/admin/products/${id}`, body);

export const addSku = (productId: number, body: SkuInput) => http.post<AdminSkuView>(`/api/admin/products/${productId}/skus`, body);

export const updateSku = (skuId: number, body: UpdateSkuRequest) => http.patch<AdminSkuView>(`/api/admin/skus/${skuId}`, body);

export const setMemberPrices = (skuId: number, prices: MemberPriceInput[]) =>
  http.put<AdminSkuView>(`/api/admin/skus/${skuId}/member-prices`, { prices });

export const listCategories = () => http.get<CategoryView[]>('/api/admin/products/categories');

export const setProductsOnSale = (productIds: number[], onSale: boolean) =>
  http.post<SetOnSaleResult>('/api/admin/products/on-sale', { productIds, onSale });

export const getProductSales = (productIds: number[]) =>
  http.get<ProductSalesView[]>('/api/admin/product-sales', { productIds: productIds.join(',') });
