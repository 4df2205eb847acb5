import { Fen, NextMilestone } from '@member-commerce/shared';

export interface ThresholdMilestone {
  id: number;
  thresholdFen: Fen;
  title: string;
}

/** The lowest milestone not yet reached by `spendFen`, with what is left to spend. */
export function nextMilestone(milestones: readonly ThresholdMilestone[], spendFen: Fen): NextMilestone | undefined {
  const next = [...milestones].sort((a, b) => a.thresholdFen - b.thresholdFen).find((m) => m.thresholdFen > spendFen);
  return (
    next && {
      id: next.id,
      thresholdFen: next.thresholdFen,
      title: next.title,
      remainingFen: next.thresholdFen - spendFen,
    }
  );
}

/** Milestones reached by `spendFen`, lowest first. */
export function reachedMilestones<T extends ThresholdMilestone>(milestones: readonly T[], spendFen: Fen): T[] {
  return milestones.filter((m) => m.thresholdFen <= spendFen).sort((a, b) => a.thresholdFen - b.thresholdFen);
}
