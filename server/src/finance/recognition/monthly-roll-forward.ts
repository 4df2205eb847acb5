import {
  type FinanceReport,
  type FinanceReportFigures,
  type FinanceReportRow,
  firstDayOfMonth,
  monthKey,
  monthOfDay,
} from '@member-commerce/shared';
import type { RecognitionRun } from './recognise-order';

export interface MonthMovement {
  billedFen: number;
  refundedFen: number;
  recognisedFen: number;
  /** Of recognisedFen: welcome goods delivered, and the membership service. */
  recognisedGoodsFen: number;
  recognisedServiceFen: number;
}

/** Which performance obligation a recognition run belongs to (docs/finance.md "Allocation"). */
export type RecognitionPart = 'goods' | 'service';

const zeroMovement = (): MonthMovement => ({
  billedFen: 0,
  refundedFen: 0,
  recognisedFen: 0,
  recognisedGoodsFen: 0,
  recognisedServiceFen: 0,
});
const zeroFigures = (): FinanceReportFigures => ({ openingDeferredFen: 0, ...zeroMovement(), closingDeferredFen: 0 });

/**
 * Billed, refunded and recognised fen per (tier, month), fed order by order; then read as a deferred-revenue
 * roll-forward where each row's closing is its opening + billed − refunded − recognised, to the fen.
 */
export class MonthlyRollForward {
  private readonly tiers = new Map<number, Map<number, MonthMovement>>();

  billed(tierId: number, day: number, fen: number): void {
    this.movement(tierId, monthOfDay(day)).billedFen += fen;
  }

  refunded(tierId: number, day: number, fen: number): void {
    this.movement(tierId, monthOfDay(day)).refundedFen += fen;
  }

  recognised(tierId: number, runs: readonly RecognitionRun[], part: RecognitionPart = 'service'): void {
    const partKey = part === 'goods' ? 'recognisedGoodsFen' : 'recognisedServiceFen';
    for (const run of runs) {
      for (let month = monthOfDay(run.fromDay); ; month++) {
        const from = Math.max(run.fromDay, firstDayOfMonth(month));
        const to = Math.min(run.toDay, firstDayOfMonth(month + 1));
        if (from >= run.toDay) break;
        if (to > from) {
          const movement = this.movement(tierId, month);
          movement.recognisedFen += (to - from) * run.perDayFen;
          movement[partKey] += (to - from) * run.perDayFen;
        }
      }
    }
  }

  /** Adds a (tier, month) movement as a whole: materialised sums (report/revenue-materialisation.ts) feed the same roll-forward. */
  add(tierId: number, month: number, movement: Omit<MonthMovement, 'recognisedFen'>): void {
    const target = this.movement(tierId, month);
    target.billedFen += movement.billedFen;
    target.refundedFen += movement.refundedFen;
    target.recognisedGoodsFen += movement.recognisedGoodsFen;
    target.recognisedServiceFen += movement.recognisedServiceFen;
    target.recognisedFen += movement.recognisedGoodsFen + movement.recognisedServiceFen;
  }

  /** Every (tier, month) movement fed so far, tier then month ascending. */
  movements(): (MonthMovement & { tierId: number; month: number })[] {
    const all: (MonthMovement & { tierId: number; month: number })[] = [];
    for (const [tierId, months] of [...this.tiers].sort(([a], [b]) => a - b)) {
      for (const [month, movement] of [...months].sort(([a], [b]) => a - b)) all.push({ tierId, month, ...movement });
    }
    return all;
  }

  /** Rows for every tier with anything to show in [fromMonth, toMonth], months ascending, then tier id. */
  report(fromMonth: number, toMonth: number, tierName: (tierId: number) => string): FinanceReport {
    const rows: FinanceReportRow[] = [];
    const totals = zeroFigures();
    const tierRows = new Map<number, FinanceReportRow[]>();
    for (const [tierId, months] of [...this.tiers].sort(([a], [b]) => a - b)) {
      let deferred = 0;
      for (const [month, movement] of months)
        if (month < fromMonth) deferred += movement.billedFen - movement.refundedFen - movement.recognisedFen;
      const own: FinanceReportRow[] = [];
      for (let month = fromMonth; month <= toMonth; month++) {
        const movement = months.get(month) ?? zeroMovement();
        const closing = deferred + movement.billedFen - movement.refundedFen - movement.recognisedFen;
        own.push({
          month: monthKey(month),
          tierId,
          tierName: tierName(tierId),
          openingDeferredFen: deferred,
          ...movement,
          closingDeferredFen: closing,
        });
        deferred = closing;
      }
      if (
        own.some(
          (row) =>
            row.openingDeferredFen || row.billedFen || row.refundedFen || row.recognisedFen || row.closingDeferredFen,
        )
      )
        tierRows.set(tierId, own);
    }
    for (let i = 0; i <= toMonth - fromMonth; i++) for (const own of tierRows.values()) rows.push(own[i]);
    for (const own of tierRows.values()) {
      totals.openingDeferredFen += own[0].openingDeferredFen;
      totals.closingDeferredFen += own[own.length - 1].closingDeferredFen;
      for (const row of own) {
        totals.billedFen += row.billedFen;
        totals.refundedFen += row.refundedFen;
        totals.recognisedFen += row.recognisedFen;
        totals.recognisedGoodsFen += row.recognisedGoodsFen;
        totals.recognisedServiceFen += row.recognisedServiceFen;
      }
    }
    return { rows, totals };
  }

  private movement(tierId: number, month: number): MonthMovement {
    let months = this.tiers.get(tierId);
    if (!months) this.tiers.set(tierId, (months = new Map()));
    let movement = months.get(month);
    if (!movement) months.set(month, (movement = zeroMovement()));
    return movement;
  }
}
