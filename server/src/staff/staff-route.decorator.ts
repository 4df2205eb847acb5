import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@member-commerce/shared';
import { Roles } from './roles.decorator';
import { StaffAuthGuard } from './staff-auth.guard';

/** A staff controller under /api/admin/<path>, guarded, for the given roles by default. */
export function StaffController(path: string, tag: string, ...roles: StaffRole[]) {
  return applyDecorators(
    Controller(`admin/${path}`),
    UseGuards(StaffAuthGuard),
    Roles(...roles),
    ApiTags(tag),
    ApiBearerAuth(),
  );
}
