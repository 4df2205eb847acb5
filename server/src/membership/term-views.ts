import { MembershipTermView } from '@member-commerce/shared';
import { MembershipTerm } from './membership-term.entity';

/** Needs `tier` loaded. */
export const toTermView = (term: MembershipTerm): MembershipTermView => ({
  id: term.id,
  tier: { id: term.tierId, code: term.tier?.code ?? '', name: term.snapshot?.tierName ?? term.tier?.name ?? '' },
  start: term.start.toISOString(),
  end: term.end.toISOString(),
  orderId: term.orderId,
  source: term.source,
});
