import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { StaffLoginRequest } from '@member-commerce/shared';

export class StaffLoginDto implements StaffLoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'admin123' })
  @IsString()
  @Length(1, 128)
  password: string;
}
