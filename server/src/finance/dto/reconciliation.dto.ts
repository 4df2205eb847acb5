import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  ErrorCode,
  ReconciliationMismatchKind,
  type FinanceExportFormat,
  type ResolveMismatchRequest,
} from '@member-commerce/shared';

const badDate = { message: 'date must be YYYY-MM-DD', context: { code: ErrorCode.INVALID_DATE_RANGE } };

export class ReconciliationQueryDto {
  @ApiProperty({ example: '2025-06-01', description: 'day, YYYY-MM-DD (shop calendar)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, badDate)
  date: string;
}

export class ReconciliationExportQueryDto extends ReconciliationQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: FinanceExportFormat = 'csv';
}

export class ResolveMismatchDto implements ResolveMismatchRequest {
  @ApiProperty({ example: '2025-06-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, badDate)
  date: string;

  @ApiProperty({ enum: Object.values(ReconciliationMismatchKind) })
  @IsIn(Object.values(ReconciliationMismatchKind))
  kind: ReconciliationMismatchKind;

  @ApiProperty({ description: "The mismatch's reference: its outRefundNo, else its outTradeNo" })
  @IsString()
  @Length(1, 64)
  reference: string;

  @ApiProperty({ example: '微信已于次日补记，核对无误' })
  @IsString()
  @Length(1, 500)
  note: string;
}
