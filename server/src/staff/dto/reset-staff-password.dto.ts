import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { ResetStaffPasswordRequest, ResetStaffPasswordResponse, StaffRole } from '@member-commerce/shared';

export class ResetStaffPasswordDto implements ResetStaffPasswordRequest {
  @ApiPropertyOptional({ minLength: 8, description: 'The new password; omitted: a one-time temporary password' })
  @IsOptional()
  @IsString()
  @Length(8, 128)
  password?: string;
}

class StaffSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() role: StaffRole;
  @ApiProperty() active: boolean;
  @ApiPropertyOptional() mustChangePassword?: boolean;
}

export class ResetStaffPasswordResponseDto implements ResetStaffPasswordResponse {
  @ApiProperty({ nullable: true, type: String, description: 'Shown once; null when the admin chose the password' })
  temporaryPassword: string | null;

  @ApiProperty({ type: StaffSummaryDto })
  staff: StaffSummaryDto;
}
