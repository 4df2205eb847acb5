import { EntityManager } from 'typeorm';
import { ErrorCode } from '@member-commerce/shared';
import { conflict } from '../common/domain-error';
import { GiftPack } from '../catalog/gift-pack.entity';
import { Sku } from '../catalog/sku.entity';

type Stocked = typeof Sku | typeof GiftPack;

/**
 * Takes `quantity` units in one conditional UPDATE (`stock >= quantity`), so concurrent buyers of the last
 * unit cannot both succeed on either database.
 */
async function take(manager: EntityManager, target: Stocked, id: number, quantity: number, label: string): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ stock: () => `stock - ${Number(quantity)}` })
    .where('id = :id AND stock >= :quantity', { id, quantity })
    .execute();
  if (!result.affected) throw conflict(ErrorCode.OUT_OF_STOCK, `${label} is out of stock`, { id });
}

async function give(manager: EntityManager, target: Stocked, id: number, quantity: number): Promise<void> {
  await manager.createQueryBuilder().update(target).set({ stock: () => `stock + ${Number(quantity)}` }).where('id = :id', { id }).execute();
}

export const reserveSku = (manager: EntityManager, skuId: number, quantity: number, label = 'This item') => take(manager, Sku, skuId, quantity, label);
export const releaseSku = (manager: EntityManager, skuId: number, quantity: number) => give(manager, Sku, skuId, quantity);
export const reserveGiftPack = (manager: EntityManager, packId: number, label = 'This gift pack') => take(manager, GiftPack, packId, 1, label);
export const releaseGiftPack = (manager: EntityManager, packId: number) => give(manager, GiftPack, packId, 1);
