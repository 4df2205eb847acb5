import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ExtendMembershipRequest, MembershipStatus, RevokeMembershipRequest } from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

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

export class MemberSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'nickname or phone' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'EXPIRED', 'REVOKED'] })
  @IsOptional()
  @IsIn([MembershipStatus.ACTIVE, MembershipStatus.EXPIRED, MembershipStatus.REVOKED])
  status?: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
}
