import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { CreateStaffRequest, StaffRole } from '@member-commerce/shared';

export class CreateStaffDto implements CreateStaffRequest {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Matches(/^[a-z0-9_.-]{3,64}$/, { message: 'username must be 3–64 of a-z 0-9 _ . -' })
  username: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @Length(8, 128)
  password: string;

  @ApiProperty({ enum: Object.values(StaffRole) })
  @IsIn(Object.values(StaffRole))
  role: StaffRole;
}
