import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { ExtendMembershipRequest, RevokeMembershipRequest } from '@member-commerce/shared';

export class ExtendMembershipDto implements ExtendMembershipRequest {
  @ApiProperty({ minimum: 1, maximum: 3660 })
  @IsInt()
  @Min(1)
  @Max(3660)
  days: number;

  @ApiProperty({ example: '物流延误补偿' })
  @IsString()
  @Length(2, 255)
  reason: string;
}

export class RevokeMembershipDto implements RevokeMembershipRequest {
  @ApiProperty({ example: '恶意刷单' })
  @IsString()
  @Length(2, 255)
  reason: string;
}
