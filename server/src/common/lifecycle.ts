import {
  canTransitionLifecycle,
  ErrorCode,
  isDeletable,
  LifecycleStatus,
  LIFECYCLE_LABEL,
} from '@member-commerce/shared';
import { conflict } from './domain-error';

export interface LifecycleRow {
  status: LifecycleStatus;
  archivedAt: Date | null;
}

/** Moves a benefit, gift pack or milestone along draft → active → archived, stamping when it was archived. */
export function moveLifecycle(row: LifecycleRow, to: LifecycleStatus | undefined, now: Date, what: string): void {
  if (!to || to === row.status) return;
  if (!canTransitionLifecycle(row.status, to)) {
    throw conflict(
      ErrorCode.INVALID_STATUS_TRANSITION,
      `${what}已是「${LIFECYCLE_LABEL[row.status]}」，不能改为「${LIFECYCLE_LABEL[to]}」`,
      { from: row.status, to },
    );
  }
  row.status = to;
  if (to === 'ARCHIVED') row.archivedAt = now;
}

/** The status a new row starts in: draft or active (default); nothing is born archived. */
export function initialLifecycle(status: LifecycleStatus | undefined, what: string): LifecycleRow {
  if (status === 'ARCHIVED') throw conflict(ErrorCode.INVALID_STATUS_TRANSITION, `新建的${what}不能直接归档`);
  return { status: status ?? 'ACTIVE', archivedAt: null };
}

/** Only drafts are hard-deleted; anything once active may be held by sold terms, claims or orders: archive it. */
export function assertDeletable(row: LifecycleRow, code: ErrorCode, what: string): void {
  if (!isDeletable(row.status))
    throw conflict(code, `${what}已启用，可能已被会员持有，不能删除，请改为归档`, { status: row.status });
}
