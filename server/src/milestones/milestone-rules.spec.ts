import { nextMilestone, reachedMilestones } from './milestone-rules';

const milestones = [
  { id: 2, thresholdFen: 1_000_000, title: '1 万' },
  { id: 1, thresholdFen: 500_000, title: '5 千' },
  { id: 3, thresholdFen: 5_000_000, title: '5 万' },
];

describe('milestone rules', () => {
  it('the next milestone is the lowest threshold above the spend, with what is left', () => {
    expect(nextMilestone(milestones, 765_000)).toEqual({
      id: 2,
      thresholdFen: 1_000_000,
      title: '1 万',
      remainingFen: 235_000,
    });
  });

  it('a threshold reached exactly counts as reached', () => {
    expect(nextMilestone(milestones, 500_000)?.id).toBe(2);
    expect(reachedMilestones(milestones, 500_000).map((m) => m.id)).toEqual([1]);
  });

  it('there is no next milestone past the last one', () => {
    expect(nextMilestone(milestones, 9_000_000)).toBeUndefined();
    expect(reachedMilestones(milestones, 9_000_000).map((m) => m.id)).toEqual([1, 2, 3]);
  });
});
