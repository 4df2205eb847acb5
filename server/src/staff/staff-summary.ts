import type { StaffSummary } from '@member-commerce/shared';
import type { StaffUser } from './staff-user.entity';

export const toStaffSummary = (user: StaffUser): StaffSummary => ({
  id: user.id,
  username: user.username,
  role: user.role,
  active: user.active,
  mustChangePassword: user.mustChangePassword ?? false,
});
