import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { ResetStaffPasswordRequest } from '@member-commerce/shared';

export class ResetStaffPasswordDto implements ResetStaffPasswordRequest {
  @ApiPropertyOptional({ minLength: 8, description: 'The new password; omitted: a one-time temporary password' })
  @IsOptional()
  @IsString()
  @Length(8, 128)
  password?: string;
}
