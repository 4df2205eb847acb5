import { EntityManager, FindOptionsRelations, Not } from 'typeorm';
import { MembershipTerm } from './membership-term.entity';

/**
 * The term an order bought: the one its payment created or extended — never the CARRY_OVER rest of a term that
 * a later tier change cut (that segment keeps the order's id so finance can follow the fee). null when the order
 * bought no term (not paid yet, a gift membership not redeemed, removed by a refund).
 */
export function termBoughtBy(
  manager: EntityManager,
  orderId: number,
  relations?: FindOptionsRelations<MembershipTerm>,
): Promise<MembershipTerm | null> {
  return manager.findOne(MembershipTerm, {
    where: { orderId, source: Not('CARRY_OVER') },
    relations,
    order: { id: 'ASC' },
  });
}

/** `termBoughtBy` where the term must exist (a hook that runs after the terms hook created it). */
export async function termBoughtByOrFail(
  manager: EntityManager,
  orderId: number,
  relations?: FindOptionsRelations<MembershipTerm>,
): Promise<MembershipTerm> {
  const term = await termBoughtBy(manager, orderId, relations);
  if (!term) throw new Error(`Order ${orderId} bought no membership term`);
  return term;
}
