import { divideRoundHalfUp } from '@member-commerce/shared';

/** A fee split between its two performance obligations (IFRS 15 / CAS 14): the welcome goods and the service. */
export interface FeeAllocation {
  goodsFen: number;
  serviceFen: number;
}

/**
 * Allocates a fee to the welcome gift pack and the membership service in proportion to their standalone selling
 * prices: goods = round(fee × packSsp ÷ (packSsp + serviceSsp)) half up, service = the rest, so the two always sum
 * to the fee. Without both prices (or with no pack) the whole fee is service, as before allocation existed.
 *   fee 100000, pack 150000, service 60000 → goods 71429 (714.29), service 28571 (285.71)
 */
export function allocateFee(
  feeFen: number,
  packSspFen: number | null | undefined,
  serviceSspFen: number | null | undefined,
): FeeAllocation {
  const pack = packSspFen ?? 0;
  const service = serviceSspFen ?? 0;
  if (feeFen <= 0 || pack <= 0 || service <= 0) return { goodsFen: 0, serviceFen: feeFen };
  const goodsFen = Number.isSafeInteger(feeFen * pack)
    ? divideRoundHalfUp(feeFen * pack, pack + service)
    : bigRoundHalfUp(feeFen, pack, pack + service);
  return { goodsFen, serviceFen: feeFen - goodsFen };
}

/** fee × pack ÷ total rounded half up, exact past 2^53 (prices up to the 100,000,000 fen the DTOs allow). */
function bigRoundHalfUp(fee: number, pack: number, total: number): number {
  const numerator = BigInt(fee) * BigInt(pack);
  const denominator = BigInt(total);
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
