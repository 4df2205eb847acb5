import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { StaffRole, UpdateStaffRequest } from '@member-commerce/shared';

export class UpdateStaffDto implements UpdateStaffRequest {
  @ApiPropertyOptional({ description: 'false disables the account: login refused, existing tokens refused' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: Object.values(StaffRole), description: 'The last active admin keeps the admin role' })
  @IsOptional()
  @IsIn(Object.values(StaffRole))
  role?: StaffRole;
}
