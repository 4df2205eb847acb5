import { GiftPackItemView, GiftPackSummary, GiftPackView } from '@member-commerce/shared';
import { GiftPack } from './gift-pack.entity';
import { GiftPackItem } from './gift-pack-item.entity';
import { contentsValueFen } from './gift-pack-value';

/** A pack is in stock when one more can be taken: the pack's own count and, when its items are loaded, every unit inside. */
const packInStock = (pack: GiftPack): boolean =>
  pack.stock > 0 && (pack.items ?? []).every((item) => !item.sku || item.sku.stock >= item.quantity);

const toItemView = (item: GiftPackItem): GiftPackItemView => ({
  skuId: item.skuId,
  productTitle: item.sku?.product?.title ?? '',
  skuName: item.sku?.name ?? '',
  quantity: item.quantity,
  unitValueFen: item.sku?.listPriceFen ?? 0,
  images: item.sku?.product?.images ?? [],
});

/** With `items.sku.product` loaded, the summary also lists the contents (what the customer chooses between). */
export const toGiftPackSummary = (pack: GiftPack): GiftPackSummary => {
  const contentsLoaded = (pack.items ?? []).length > 0 && pack.items.every((item) => item.sku?.product);
  return {
    id: pack.id,
    name: pack.name,
    valueFen: pack.valueFen,
    inStock: packInStock(pack),
    image: pack.image,
    description: pack.description,
    ...(contentsLoaded ? { items: pack.items.map(toItemView), contentsValueFen: contentsValueFen(pack.items) } : {}),
  };
};

/** Needs `items.sku.product` loaded. */
export const toGiftPackView = (pack: GiftPack): GiftPackView => ({
  ...toGiftPackSummary(pack),
  status: pack.status,
  archivedAt: pack.archivedAt?.toISOString() ?? null,
  stock: pack.stock,
  standaloneFen: pack.standaloneFen ?? null,
  contentsValueFen: contentsValueFen(pack.items ?? []),
  items: (pack.items ?? []).map(toItemView),
});
