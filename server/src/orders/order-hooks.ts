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
  /** Unique: "<feature>: <what it does>"; other hooks name it to run after it, and the lifecycle doc lists it. */
  name: string;
  on: TransitionFilter;
  /** Hooks whose writes this one reads (e.g. the term the payment created): they run first on a shared transition. */
  runsAfter?: readonly string[];
  /** Hooks that read this one's writes, when declaring it here keeps feature imports one-way. */
  runsBefore?: readonly string[];
  /** Runs before the status is written; throw a DomainError to veto the transition. */
  before?: (transition: OrderTransition) => Promise<void> | void;
  /** Runs after the status is written, in the same transaction. */
  after?: (transition: OrderTransition) => Promise<void>;
}

const matches = <T>(rule: T | readonly T[] | undefined, value: T) =>
  rule === undefined || (Array.isArray(rule) ? rule.includes(value) : rule === value);

/**
 * Features register here what must happen on an order transition (creating the membership term, the welcome
 * gift, the ledger entry, releasing stock …), so the state machine stays the one owner of the lifecycle and
 * no feature calls another by hand.
 */
@Injectable()
export class OrderHookRegistry {
  private readonly registered: OrderHook[] = [];
  private sorted?: OrderHook[];

  register(hook: OrderHook): void {
    if (this.registered.some((other) => other.name === hook.name))
      throw new Error(`Order hook "${hook.name}" is registered twice`);
    this.registered.push(hook);
    this.sorted = undefined;
  }

  /** Every hook in the order they run: each after the hooks it names, otherwise in registration order. */
  list(): readonly OrderHook[] {
    this.sorted ??= runOrder(this.registered);
    return this.sorted;
  }

  async runBefore(transition: OrderTransition): Promise<void> {
    for (const hook of this.matching(transition)) await hook.before?.(transition);
  }

  async runAfter(transition: OrderTransition): Promise<void> {
    for (const hook of this.matching(transition)) await hook.after?.(transition);
  }

  private matching({ order, from, to }: OrderTransition): OrderHook[] {
    return this.list().filter(
      (hook) => matches(hook.on.kind, order.kind) && matches(hook.on.from, from) && matches(hook.on.to, to),
    );
  }
}

/** Topological order of the declared dependencies (stable: registration order breaks ties); fails on an unknown name or a cycle. */
export function runOrder(hooks: readonly OrderHook[]): OrderHook[] {
  const byName = new Map(hooks.map((hook) => [hook.name, hook]));
  const firsts = new Map<string, Set<string>>(hooks.map((hook) => [hook.name, new Set(hook.runsAfter ?? [])]));
  for (const hook of hooks)
    for (const later of hook.runsBefore ?? []) {
      if (!firsts.has(later)) throw new Error(`Order hook "${hook.name}" runs before unknown hook "${later}"`);
      firsts.get(later)!.add(hook.name);
    }
  for (const [name, deps] of firsts)
    for (const dep of deps)
      if (!byName.has(dep)) throw new Error(`Order hook "${name}" runs after unknown hook "${dep}"`);
  const done = new Set<string>();
  const result: OrderHook[] = [];
  while (result.length < hooks.length) {
    const next = hooks.find(
      (hook) => !done.has(hook.name) && [...firsts.get(hook.name)!].every((dep) => done.has(dep)),
    );
    if (!next) throw new Error('Order hooks depend on each other in a circle');
    done.add(next.name);
    result.push(next);
  }
  return result;
}
