import { SetMetadata } from '@nestjs/common';
import { StaffRole } from '@member-commerce/shared';

export const ROLES_KEY = 'staffRoles';
export const OPEN_BEFORE_PASSWORD_CHANGE_KEY = 'staffOpenBeforePasswordChange';

/** The staff roles allowed on a handler or controller; none listed = any signed-in staff. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** Roles that may change the catalog, tiers and members. */
export const CATALOG_WRITERS: StaffRole[] = ['admin', 'operator'];
/** Every role may read. */
export const ALL_STAFF: StaffRole[] = ['admin', 'operator', 'finance', 'support'];

/** A staff route a session whose password must change may still use (who am I, changing the password). */
export const OpenBeforePasswordChange = () => SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE_KEY, true);
