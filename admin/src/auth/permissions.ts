import type { StaffRole } from '@member-commerce/shared';

/**
 * What each role may do, mirroring the server's guards. The UI hides what a role
 * may not do; the server enforces it anyway.
 */
export type Capability =
  | 'catalog.read'
  | 'catalog.write'
  | 'members.read'
  | 'members.extend'
  | 'members.revoke'
  /** Notes and tags on a customer (客户详情). */
  | 'customers.annotate'
  | 'orders.read'
  | 'orders.ship'
  | 'orders.refund'
  | 'refunds.approve'
  | 'audit.read'
  | 'staff.manage'
  | 'finance.export'
  | 'reminders.read'
  | 'reminders.write'
  | 'reminders.run'
  | 'afterSales.work'
  | 'calls.work'
  /** The renewal page: its stats and rules (reminders.read) or its call list (calls.work). */
  | 'reminders.page'
  | 'dev.messages'
  /** Membership codes: see batches, create, export, void. */
  | 'codes.manage'
  /** Gift memberships sold and their breakage. */
  | 'codes.read';

const GRANTS: Record<StaffRole, readonly Capability[]> = {
  admin: [
    'catalog.read',
    'catalog.write',
    'members.read',
    'members.extend',
    'members.revoke',
    'customers.annotate',
    'orders.read',
    'orders.ship',
    'orders.refund',
    'refunds.approve',
    'audit.read',
    'staff.manage',
    'finance.export',
    'reminders.read',
    'reminders.write',
    'reminders.run',
    'afterSales.work',
    'calls.work',
    'reminders.page',
    'dev.messages',
    'codes.manage',
    'codes.read',
  ],
  operator: [
    'catalog.read',
    'catalog.write',
    'members.read',
    'members.extend',
    'members.revoke',
    'customers.annotate',
    'orders.read',
    'orders.ship',
    'orders.refund',
    'reminders.read',
    'reminders.write',
    'afterSales.work',
    'calls.work',
    'reminders.page',
    'dev.messages',
    'codes.manage',
    'codes.read',
  ],
  finance: [
    'members.read',
    'orders.read',
    'orders.refund',
    'refunds.approve',
    'audit.read',
    'finance.export',
    'reminders.read',
    'afterSales.work',
    'reminders.page',
    'codes.read',
  ],
  // Customer service: the after-sales queue (its refunds within the operator's limit) and the renewal call list.
  support: ['members.read', 'members.extend', 'customers.annotate', 'orders.read', 'afterSales.work', 'calls.work', 'reminders.page'],
};

export function can(role: StaffRole | undefined, capability: Capability): boolean {
  return role ? (GRANTS[role]?.includes(capability) ?? false) : false;
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: '管理员',
  operator: '运营',
  finance: '财务',
  support: '客服',
};
