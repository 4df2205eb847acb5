import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { AuditLogQuery } from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

const day = { message: '$property must be YYYY-MM-DD' };

export class AuditLogQueryDto extends PageQueryDto implements AuditLogQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  staffUsername?: string;

  @ApiPropertyOptional({ example: 'product.update' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  action?: string;

  @ApiPropertyOptional({ example: 'product' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  entity?: string;

  @ApiPropertyOptional({ description: 'Target id, with entity' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'First shop-calendar day, inclusive', example: '2026-11-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, day)
  from?: string;

  @ApiPropertyOptional({ description: 'Last shop-calendar day, inclusive', example: '2026-11-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, day)
  to?: string;
}
