import { GiftPackSummary, GiftPackView } from '@member-commerce/shared';
import { GiftPack } from './gift-pack.entity';
import { contentsValueFen } from './gift-pack-value';

/** A pack is in stock when one more can be taken: the pack's own count and, when its items are loaded, every unit inside. */
const packInStock = (pack: GiftPack): boolean =>
  pack.stock > 0 && (pack.items ?? []).every((item) => !item.sku || item.sku.stock >= item.quantity);

export const toGiftPackSummary = (pack: GiftPack): GiftPackSummary => ({
  id: pack.id,
  name: pack.name,
  valueFen: pack.valueFen,
  inStock: packInStock(pack),
  image: pack.image,
  description: pack.description,
});

/** Needs `items.sku.product` loaded. */
export const toGiftPackView = (pack: GiftPack): GiftPackView => ({
  ...toGiftPackSummary(pack),
  status: pack.status,
  archivedAt: pack.archivedAt?.toISOString() ?? null,
  stock: pack.stock,
  standaloneFen: pack.standaloneFen ?? null,
  contentsValueFen: contentsValueFen(pack.items ?? []),
  items: (pack.items ?? []).map((item) => ({
    skuId: item.skuId,
    productTitle: item.sku?.product?.title ?? '',
    skuName: item.sku?.name ?? '',
    quantity: item.quantity,
  })),
});
