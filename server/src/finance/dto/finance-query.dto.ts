import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { ErrorCode, type FinanceExportFormat, type FinanceExportReport } from '@member-commerce/shared';

const badRange = { context: { code: ErrorCode.INVALID_DATE_RANGE } };

export class FinanceReportQueryDto {
  @ApiProperty({ example: '2025-01', description: 'first month, YYYY-MM (shop time zone)' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'from must be YYYY-MM', ...badRange })
  from: string;

  @ApiProperty({ example: '2025-12', description: 'last month, YYYY-MM, inclusive' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'to must be YYYY-MM', ...badRange })
  to: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tierId?: number;
}

export class FinanceExportQueryDto {
  @ApiProperty({ example: '2025-01-01', description: 'first day, YYYY-MM-DD (shop time zone)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD', ...badRange })
  from: string;

  @ApiProperty({ example: '2025-01-31', description: 'last day, YYYY-MM-DD, inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD', ...badRange })
  to: string;

  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format: FinanceExportFormat;

  @ApiPropertyOptional({ enum: ['ledger', 'monthly'], default: 'ledger' })
  @IsOptional()
  @IsIn(['ledger', 'monthly'])
  report?: FinanceExportReport;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tierId?: number;
}
