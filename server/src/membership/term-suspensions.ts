import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Of these membership orders, the ones whose term-ending refund is in progress. */
export type RefundInProgressSource = (manager: EntityManager, orderIds: number[]) => Promise<Set<number>>;

/**
 * Where membership learns that a term's refund is under way. Refunds live in payments, which depends on
 * membership; payments registers its answer here at start-up, so membership never imports it.
 */
@Injectable()
export class TermSuspensions {
  private readonly sources: RefundInProgressSource[] = [];

  register(source: RefundInProgressSource): void {
    this.sources.push(source);
  }

  async refundsInProgress(manager: EntityManager, orderIds: number[]): Promise<Set<number>> {
    const ids = [...new Set(orderIds)];
    const found = new Set<number>();
    if (!ids.length) return found;
    for (const source of this.sources) for (const id of await source(manager, ids)) found.add(id);
    return found;
  }
}
