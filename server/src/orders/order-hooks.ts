import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, OrderKind, OrderStatus } from '@member-commerce/shared';
import { DomainError } from '../common/domain-error';
import { Order } from './order.entity';

/**
 * A `before` hook of CLOSED → PAID refuses a late payment (stock gone, coupon spent elsewhere): settlement keeps the
 * money as a flagged payment for staff to refund, and the order stays closed.
 */
export class LatePaymentRefused extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, message, 409);
  }
}

/** What the caller knows about the event behind a transition, for the hooks that need it. */
export interface TransitionFacts {
  /** PAID: the accepted WeChat payment. */
  payment?: { id: number; transactionId: string | null; amountFen: number };
  /** Leaving REFUNDING: the refund that finished, whether it succeeded, and whether it ends the order's terms. */
  refund?: {
    id: number;
    amountFen: number;
    refundId: string | null;
    succeeded: boolean;
    /** A membership refund that returns the whole fee still refundable: the order's terms end. */
    endsTerm: boolean;
    /** A product order refunded in full before it was shipped: its units go back to stock. */
    restock: boolean;
    succeededAt: Date | null;
    /** An abnormal refund staff paid back outside WeChat Pay (its ledger entry has no WeChat refund behind it). */
    offline?: boolean;
  };
}

export interface OrderTransition {
  manager: EntityManager;
  order: Order;
  /** null when the order is being created. */
  from: OrderStatus | null;
  to: OrderStatus;
  now: Date;
  facts: TransitionFacts;
}

/** Which transitions a hook is for; every field left out matches anything. */
export interface TransitionFilter {
  kind?: OrderKind | readonly OrderKind[];
  from?: OrderStatus | null | readonly (OrderStatus | null)[];
  to?: OrderStatus | readonly OrderStatus[];
}

export interface OrderHook {
  /** Who registered it, for errors and logs. */
  name: string;
  on: TransitionFilter;
  /** Lower runs first (terms before gifts before the ledger). */
  order?: number;
  /** Runs before the status is written; throw a DomainError to veto the transition. */
  before?: (transition: OrderTransition) => Promise<void> | void;
  /** Runs after the status is written, in the same transaction. */
  after?: (transition: OrderTransition) => Promise<void>;
}

/** Hook order of the features that react to order transitions. */
export const HOOK_ORDER = { stock: 10, terms: 20, gifts: 30, spend: 40, ledger: 50, reminders: 60 } as const;

const matches = <T>(rule: T | readonly T[] | undefined, value: T) =>
  rule === undefined || (Array.isArray(rule) ? rule.includes(value) : rule === value);

/**
 * Features register here what must happen on an order transition (creating the membership term, the welcome
 * gift, the ledger entry, releasing stock …), so the state machine stays the one owner of the lifecycle and
 * no feature calls another by hand.
 */
@Injectable()
export class OrderHookRegistry {
  private readonly hooks: OrderHook[] = [];

  register(hook: OrderHook): void {
    this.hooks.push(hook);
    this.hooks.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  }

  async runBefore(transition: OrderTransition): Promise<void> {
    for (const hook of this.matching(transition)) await hook.before?.(transition);
  }

  async runAfter(transition: OrderTransition): Promise<void> {
    for (const hook of this.matching(transition)) await hook.after?.(transition);
  }

  private matching({ order, from, to }: OrderTransition): OrderHook[] {
    return this.hooks.filter(
      (hook) => matches(hook.on.kind, order.kind) && matches(hook.on.from, from) && matches(hook.on.to, to),
    );
  }
}
