import { AdminProductView } from '@member-commerce/shared';
import { Product } from './product.entity';

/** Needs `skus.memberPrices` loaded. */
export const toAdminProductView = (product: Product): AdminProductView => ({
  id: product.id,
  title: product.title,
  subtitle: product.subtitle,
  description: product.description,
  category: product.category,
  images: product.images,
  onSale: product.onSale,
  publicFrom: product.publicFrom?.toISOString() ?? null,
  skus: [...(product.skus ?? [])]
    .sort((a, b) => a.id - b.id)
    .map((sku) => ({
      id: sku.id,
      code: sku.code,
      name: sku.name,
      listPriceFen: sku.listPriceFen,
      stock: sku.stock,
      images: sku.images ?? [],
      memberPrices: (sku.memberPrices ?? [])
        .map((p) => ({ tierId: p.tierId, priceFen: p.priceFen }))
        .sort((a, b) => a.tierId - b.tierId),
    })),
  createdAt: product.createdAt.toISOString(),
  updatedAt: product.updatedAt.toISOString(),
});
