import { GiftPackSummary, GiftPackView } from '@member-commerce/shared';
import { GiftPack } from './gift-pack.entity';
import { contentsValueFen } from './gift-pack-value';

export const toGiftPackSummary = (pack: GiftPack): GiftPackSummary => ({
  id: pack.id,
  name: pack.name,
  valueFen: pack.valueFen,
  inStock: pack.stock > 0,
  image: pack.image,
  description: pack.description,
});

/** Needs `items.sku.product` loaded. */
export const toGiftPackView = (pack: GiftPack): GiftPackView => ({
  ...toGiftPackSummary(pack),
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
