import { MilestoneView } from '@member-commerce/shared';
import { toGiftPackSummary } from '../catalog/gift-pack-views';
import { toBenefitView } from '../membership/tier-views';
import { Milestone } from './milestone.entity';

export const toMilestoneView = (milestone: Milestone): MilestoneView => ({
  id: milestone.id,
  thresholdFen: milestone.thresholdFen,
  title: milestone.title,
  description: milestone.description,
  giftPackId: milestone.giftPackId,
  giftPack: milestone.giftPack ? toGiftPackSummary(milestone.giftPack) : null,
  benefits: (milestone.benefits ?? []).map(toBenefitView),
  status: milestone.status,
  archivedAt: milestone.archivedAt?.toISOString() ?? null,
});
