import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipTerm } from './membership-term.entity';

export type TermGrantedListener = (
  manager: EntityManager,
  term: MembershipTerm,
  customerId: number,
  at: Date,
) => Promise<void>;
export type TermsEndedListener = (
  manager: EntityManager,
  termIds: number[],
  customerId: number,
  at: Date,
) => Promise<void>;

/**
 * Term events that other features must follow, in the same transaction, so membership never calls them by
 * hand: terms handed out without an order (staff grants: the revenue ledger), and terms cut short by a staff
 * revoke or a full refund (their coupons are voided).
 */
@Injectable()
export class TermEvents {
  private readonly granted: TermGrantedListener[] = [];
  private readonly ended: TermsEndedListener[] = [];

  onGranted(listener: TermGrantedListener): void {
    this.granted.push(listener);
  }

  onEnded(listener: TermsEndedListener): void {
    this.ended.push(listener);
  }

  async emitGranted(manager: EntityManager, term: MembershipTerm, customerId: number, at: Date): Promise<void> {
    for (const listener of this.granted) await listener(manager, term, customerId, at);
  }

  async emitEnded(manager: EntityManager, termIds: number[], customerId: number, at: Date): Promise<void> {
    if (!termIds.length) return;
    for (const listener of this.ended) await listener(manager, termIds, customerId, at);
  }
}
