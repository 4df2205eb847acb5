import { EntityManager } from 'typeorm';
import { ErrorCode } from '@member-commerce/shared';
import { conflict } from '../common/domain-error';
import { runStatement, tableOf } from '../database/rows';
import { GiftPackItem } from '../catalog/gift-pack-item.entity';
import { GiftPack } from '../catalog/gift-pack.entity';
import { Sku } from '../catalog/sku.entity';

type Stocked = typeof Sku | typeof GiftPack;

/**
 * Takes `quantity` units in one conditional UPDATE (`stock >= quantity`), so concurrent buyers of the last
 * unit cannot both succeed on either database.
 */
async function take(
  manager: EntityManager,
  target: Stocked,
  id: number,
  quantity: number,
  label: string,
): Promise<void> {
  const result = await runStatement(
    manager,
    `UPDATE ${tableOf(manager, target)} SET stock = stock - ? WHERE id = ? AND stock >= ?`,
    [quantity, id, quantity],
  );
  if (!result.affected) throw conflict(ErrorCode.OUT_OF_STOCK, `${label} is out of stock`, { id });
}

async function give(manager: EntityManager, target: Stocked, id: number, quantity: number): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(target)
    .set({ stock: () => `stock + ${Number(quantity)}` })
    .where('id = :id', { id })
    .execute();
}

export const reserveSku = (manager: EntityManager, skuId: number, quantity: number, label = 'This item') =>
  take(manager, Sku, skuId, quantity, label);
export const releaseSku = (manager: EntityManager, skuId: number, quantity: number) =>
  give(manager, Sku, skuId, quantity);
export interface PackUnits {
  skuId: number;
  quantity: number;
}

/** The SKU units inside one pack, in SKU id order (one lock order for every writer). */
async function unitsOf(manager: EntityManager, packId: number): Promise<PackUnits[]> {
  const items = await manager.findBy(GiftPackItem, { giftPackId: packId });
  return items.map(({ skuId, quantity }) => ({ skuId, quantity })).sort((a, b) => a.skuId - b.skuId);
}

/** A pack is physical goods: reserving one takes the pack and every SKU unit inside it, like an order's lines. */
export async function reserveGiftPack(manager: EntityManager, packId: number, label = 'This gift pack'): Promise<void> {
  await take(manager, GiftPack, packId, 1, label);
  for (const unit of await unitsOf(manager, packId))
    await take(manager, Sku, unit.skuId, unit.quantity, `${label}: an item`);
}

/** Gives a pack and its units back; `units` are what was taken when known (a gift order's lines), else the pack's items. */
export async function releaseGiftPack(manager: EntityManager, packId: number, units?: PackUnits[]): Promise<void> {
  await give(manager, GiftPack, packId, 1);
  for (const unit of units ?? (await unitsOf(manager, packId))) await give(manager, Sku, unit.skuId, unit.quantity);
}
