import type { EntityManager } from 'typeorm';

/**
 * Queues a customer whose membership orders' revenue may have changed (a ledger entry on one of their orders, a
 * term cut short): one insert in the writer's own transaction, no shared row to lock on the payment path. The
 * report recomputes queued customers before it answers (RevenueMaterialisation.drain).
 */
export async function markRevenueDirty(manager: EntityManager, customerId: number): Promise<void> {
  await manager.query('INSERT INTO revenue_dirty (customerId) VALUES (?)', [customerId]);
}
