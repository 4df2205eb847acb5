import { EntityManager, In } from 'typeorm';
import { AutoRenewContract } from '../auto-renew/auto-renew-contract.entity';
import { AutoRenewCycle } from '../auto-renew/auto-renew-cycle.entity';
import { nextChargeOf } from '../auto-renew/auto-renew-schedule';
import type { AutoRenewPlan } from './reminder-message';

/**
 * For each customer with an active auto-renew contract, the charge that will renew the term ending at the given
 * end (amount and date, as the contract's own page says); customers whose term will not renew by itself are absent.
 */
export async function autoRenewPlans(
  manager: EntityManager,
  termEnds: Map<number, Date>,
  now: Date,
): Promise<Map<number, AutoRenewPlan>> {
  const plans = new Map<number, AutoRenewPlan>();
  if (termEnds.size === 0) return plans;
  const contracts = await manager.find(AutoRenewContract, {
    where: { customerId: In([...termEnds.keys()]), status: 'ACTIVE' },
  });
  for (const contract of contracts) {
    const termEnd = termEnds.get(contract.customerId)!;
    const cycle = await manager.findOneBy(AutoRenewCycle, { contractId: contract.id, termEnd });
    const chargeAt = nextChargeOf(cycle, termEnd, now);
    if (chargeAt) plans.set(contract.customerId, { amountFen: cycle?.amountFen ?? contract.amountFen, chargeAt });
  }
  return plans;
}
