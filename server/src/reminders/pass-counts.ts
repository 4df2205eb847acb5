import type { ReminderRunResult } from '@member-commerce/shared';

export const emptyCounts = (): ReminderRunResult => ({ due: 0, sent: 0, inApp: 0, skipped: 0, failed: 0 });

export function addCounts(total: ReminderRunResult, more: ReminderRunResult): ReminderRunResult {
  for (const key of Object.keys(total) as (keyof ReminderRunResult)[]) total[key] += more[key];
  return total;
}
