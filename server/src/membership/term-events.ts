import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipTerm } from './membership-term.entity';

export type TermGrantedListener = (manager: EntityManager, term: MembershipTerm, customerId: number, at: Date) => Promise<void>;

/**
 * Terms handed out without an order (staff grants): features that must know (the revenue ledger) listen here,
 * in the granting transaction, so membership never calls them by hand.
 */
@Injectable()
export class TermEvents {
  private readonly granted: TermGrantedListener[] = [];

  onGranted(listener: TermGrantedListener): void {
    this.granted.push(listener);
  }

  async emitGranted(manager: EntityManager, term: MembershipTerm, customerId: number, at: Date): Promise<void> {
    for (const listener of this.granted) await listener(manager, term, customerId, at);
  }
}
