import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { UpdateStaffRequest } from '@member-commerce/shared';

export class UpdateStaffDto implements UpdateStaffRequest {
  @ApiProperty({ description: 'false disables the account: login refused, existing tokens refused' })
  @IsBoolean()
  active: boolean;
}
