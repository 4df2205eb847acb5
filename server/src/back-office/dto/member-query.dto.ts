import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MemberQuery, MembershipStatus } from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

export class MemberQueryDto extends PageQueryDto implements MemberQuery {
  @ApiPropertyOptional({ description: 'nickname or phone' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'EXPIRED', 'REVOKED'] })
  @IsOptional()
  @IsIn([MembershipStatus.ACTIVE, MembershipStatus.EXPIRED, MembershipStatus.REVOKED])
  status?: 'ACTIVE' | 'EXPIRED' | 'REVOKED';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tierId?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 3660, description: 'Active members ending within N days from now' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  expiresWithinDays?: number;

  @ApiPropertyOptional({ description: 'Customers carrying this staff tag' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tagId?: number;
}

/** The export takes the list's filters, without paging. */
export class MemberExportQueryDto extends MemberQueryDto {}
