import type { TierStatus } from './enums';

/**
 * The lifecycle tiers, benefits, gift packs and milestones share:
 * draft → active → archived. A draft is not sold and may be deleted; an active one is sold; an archived one is
 * sold no more but keeps serving the terms that hold it. Nothing that was ever active is hard-deleted.
 */
export type LifecycleStatus = TierStatus;

const TRANSITIONS: Record<LifecycleStatus, readonly LifecycleStatus[]> = {
  DRAFT: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['ARCHIVED'],
  ARCHIVED: [],
};

export function canTransitionLifecycle(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Only a draft may be deleted: once active it may be held by sold terms, claims or orders. */
export const isDeletable = (status: LifecycleStatus): boolean => status === 'DRAFT';

/**
 * Whether a row archived at `archivedAt` still serves a term (or run of terms) that started at `servedSince`:
 * active rows serve everyone, archived ones only what began by the time they were archived, drafts nobody.
 */
export function servesSince(
  row: { status: LifecycleStatus; archivedAt?: Date | string | null },
  servedSince: Date,
): boolean {
  if (row.status === 'ACTIVE') return true;
  if (row.status !== 'ARCHIVED' || !row.archivedAt) return false;
  return servedSince.getTime() <= new Date(row.archivedAt).getTime();
}

export const LIFECYCLE_LABEL: Record<LifecycleStatus, string> = { DRAFT: '草稿', ACTIVE: '启用', ARCHIVED: '已归档' };
