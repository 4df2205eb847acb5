import type { AdminProductView, CreateProductRequest, SkuInput, UpdateProductRequest } from '@member-commerce/shared';
import { yuanToFen } from '@member-commerce/shared';
import dayjs, { type Dayjs } from 'dayjs';

export interface SkuFormValues {
  code: string;
  name: string;
  listPriceYuan: number;
  stock: number;
  images?: string[];
}

export interface ProductFormValues {
  title: string;
  subtitle?: string;
  description?: string;
  category: string;
  images?: string[];
  onSale: boolean;
  publicFrom?: Dayjs | null;
  /** Only when creating; existing SKUs are edited one by one. */
  skus?: SkuFormValues[];
}

export const NEW_PRODUCT: Partial<ProductFormValues> = {
  onSale: true,
  images: [],
  skus: [{ code: '', name: '默认', listPriceYuan: undefined as unknown as number, stock: 100 }],
};

export function productToForm(product: AdminProductView): ProductFormValues {
  return {
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    category: product.category,
    images: product.images,
    onSale: product.onSale,
    publicFrom: product.publicFrom ? dayjs(product.publicFrom) : null,
  };
}

export function skuToRequest(values: SkuFormValues): SkuInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    listPriceFen: yuanToFen(values.listPriceYuan),
    stock: values.stock,
    images: values.images ?? [],
  };
}

export function formToUpdate(values: ProductFormValues): UpdateProductRequest {
  return {
    title: values.title.trim(),
    subtitle: values.subtitle?.trim() ?? '',
    description: values.description?.trim() ?? '',
    category: values.category.trim(),
    images: values.images ?? [],
    onSale: values.onSale,
    publicFrom: values.publicFrom ? values.publicFrom.toISOString() : null,
  };
}

export function formToCreate(values: ProductFormValues): CreateProductRequest {
  return {
    ...formToUpdate(values),
    title: values.title.trim(),
    category: values.category.trim(),
    skus: (values.skus ?? []).map(skuToRequest),
  };
}
