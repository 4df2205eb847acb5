import { BenefitType } from '@member-commerce/shared';

const HOUR_MS = 3600 * 1000;
/** A member-first window longer than this is a typo, not a promise we can keep. */
const MAX_PRIORITY_WINDOW_HOURS = 365 * 24;

/** A benefit as far as priority access cares. */
export interface PriorityBenefit {
  type: string;
  config: Record<string, unknown> | null | undefined;
}

/** What a caller may do with a product before (or after) its `publicFrom`. */
export interface PriorityAccess {
  /** The caller sees it in the catalogue and may buy it now. */
  visible: boolean;
  /** Set when the caller sees it early: everyone else waits until this instant. */
  memberFirstUntil?: Date;
}

/**
 * The window a `PRIORITY_ACCESS` benefit grants, from its config: `{ hours: 48 }` or `{ days: 2 }`.
 * Anything else (missing, zero, negative, absurdly long) grants no window: a benefit promises only what it says.
 */
export function priorityWindowMs(config: Record<string, unknown> | null | undefined): number {
  const hours =
    typeof config?.hours === 'number' ? config.hours : typeof config?.days === 'number' ? config.days * 24 : NaN;
  return Number.isFinite(hours) && hours > 0 && hours <= MAX_PRIORITY_WINDOW_HOURS ? Math.round(hours * HOUR_MS) : 0;
}

/** The widest member-first window among the benefits a caller's term holds (0 for non-members). */
export function memberWindowMs(benefits: readonly PriorityBenefit[]): number {
  return Math.max(
    0,
    ...benefits.filter((b) => b.type === BenefitType.PRIORITY_ACCESS).map((b) => priorityWindowMs(b.config)),
  );
}

/**
 * Before `publicFrom` only callers whose active term holds a
 * `PRIORITY_ACCESS` benefit see and buy the product, and only within that benefit's window
 * (`publicFrom − window ≤ now`); everyone else waits for `publicFrom`. `windowMs` is 0 for non-members.
 */
export function priorityAccess(publicFrom: Date | null, windowMs: number, now: Date): PriorityAccess {
  if (!publicFrom || publicFrom.getTime() <= now.getTime()) return { visible: true };
  if (windowMs > 0 && publicFrom.getTime() - windowMs <= now.getTime())
    return { visible: true, memberFirstUntil: publicFrom };
  return { visible: false };
}

/** The same rule as a bound for a query: a product is visible when `publicFrom` is null or ≤ this instant. */
export function visibleUntil(windowMs: number, now: Date): Date {
  return new Date(now.getTime() + windowMs);
}
