import { randomInt } from 'node:crypto';

/**
 * A WeChat `out_trade_no`: 6–32 of [A-Za-z0-9_-], unique per merchant. Time prefix for humans reading
 * statements, random tail against collisions (the database index is the final guard).
 */
export function newOutTradeNo(now: Date, prefix = 'MC'): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${prefix}${stamp}${String(randomInt(0, 1e10)).padStart(10, '0')}`;
}

export function newOutRefundNo(now: Date): string {
  return newOutTradeNo(now, 'RF');
}
