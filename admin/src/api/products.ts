import type {
  AdminProductView,
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
import { api, call } from './client';

export interface ProductQuery {
  q?: string;
  category?: string;
  /** On-sale products with a SKU at or below the low-stock line (库存预警). */
  lowStock?: boolean;
  page?: number;
  pageSize?: number;
}

export const searchProducts = (query: ProductQuery = {}) =>
  call<Page<AdminProductView>>(api.GET('/api/admin/products', { params: { query } }));

export const getProduct = (id: number) => call<AdminProductView>(api.GET('/api/admin/products/{id}', { params: { path: { id } } }));

export const createProduct = (body: CreateProductRequest) => call<AdminProductView>(api.POST('/api/admin/products', { body }));

export const updateProduct = (id: number, body: UpdateProductRequest) =>
  call<AdminProductView>(api.PATCH('/api/admin/products/{id}', { params: { path: { id } }, body: body }));

export const addSku = (productId: number, body: SkuInput) =>
  call<AdminProductView>(api.POST('/api/admin/products/{id}/skus', { params: { path: { id: productId } }, body }));

export const updateSku = (skuId: number, body: UpdateSkuRequest) =>
  call<AdminProductView>(api.PATCH('/api/admin/skus/{id}', { params: { path: { id: skuId } }, body }));

export const setMemberPrices = (skuId: number, prices: MemberPriceInput[]) =>
  call<AdminProductView>(api.PUT('/api/admin/skus/{id}/member-prices', { params: { path: { id: skuId } }, body: { prices } }));

export const listCategories = () => call<CategoryView[]>(api.GET('/api/admin/products/categories'));

export const setProductsOnSale = (productIds: number[], onSale: boolean) =>
  call<SetOnSaleResult>(api.POST('/api/admin/products/on-sale', { body: { productIds, onSale } }));

export const getProductSales = (productIds: number[]) =>
  call<ProductSalesView[]>(api.GET('/api/admin/product-sales', { params: { query: { productIds: productIds.join(',') } } }));
