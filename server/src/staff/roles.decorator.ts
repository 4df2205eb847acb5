import { SetMetadata } from '@nestjs/common';
import { StaffRole } from '@member-commerce/shared';

export const ROLES_KEY = 'staffRoles';

/** The staff roles allowed on a handler or controller; none listed = any signed-in staff. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** Roles that may change the catalog, tiers and members. */
export const CATALOG_WRITERS: StaffRole[] = ['admin', 'operator'];
/** Every role may read. */
export const ALL_STAFF: StaffRole[] = ['admin', 'operator', 'finance', 'support'];
