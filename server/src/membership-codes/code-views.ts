import { CodeBatchView, CodeView, formatCode } from '@member-commerce/shared';
import { MembershipCodeBatch } from './membership-code-batch.entity';
import { MembershipCode } from './membership-code.entity';

export interface BatchCounts {
  redeemed: number;
  voided: number;
  open: number;
  expired: number;
}

/** Needs `tier` loaded. */
export const toBatchView = (
  batch: MembershipCodeBatch,
  counts: BatchCounts,
  createdBy: string | null,
): CodeBatchView => ({
  id: batch.id,
  tierId: batch.tierId,
  tierName: batch.tier?.name ?? '',
  count: batch.count,
  validUntil: batch.validUntil.toISOString(),
  note: batch.note,
  createdAt: batch.createdAt.toISOString(),
  createdBy,
  voidedAt: batch.voidedAt?.toISOString() ?? null,
  ...counts,
});

export const toCodeView = (code: MembershipCode, now: Date): CodeView => ({
  code: formatCode(code.code),
  status: code.status,
  expired: code.status === 'ACTIVE' && code.validUntil <= now,
  tierId: code.tierId,
  validUntil: code.validUntil.toISOString(),
  redeemedAt: code.redeemedAt?.toISOString() ?? null,
  batchId: code.batchId,
  giftOrderId: code.giftOrderId,
});
