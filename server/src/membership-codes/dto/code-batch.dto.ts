import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { CreateCodeBatchRequest, RedeemCodeRequest, VoidCodeRequest } from '@member-commerce/shared';

/** Largest batch made at once (its CSV stays small enough to build in memory). */
const MAX_BATCH_SIZE = 10_000;

export class CreateCodeBatchDto implements CreateCodeBatchRequest {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  tierId: number;

  @ApiProperty({ minimum: 1, maximum: MAX_BATCH_SIZE, example: 100 })
  @IsInt()
  @Min(1)
  @Max(MAX_BATCH_SIZE)
  count: number;

  @ApiProperty({ example: '2027-06-30T15:59:59.000Z', description: 'Codes are refused after this time' })
  @IsISO8601({ strict: true })
  validUntil: string;

  @ApiPropertyOptional({ example: '2027 年会 / 渠道 A' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class VoidReasonDto {
  @ApiProperty({ example: '渠道合作取消' })
  @IsString()
  @Length(2, 255)
  reason: string;
}

export class VoidCodeDto extends VoidReasonDto implements VoidCodeRequest {
  @ApiProperty({ example: 'ABCD-EFGH-JKLM-NPQR' })
  @IsString()
  @Length(1, 64)
  code: string;
}

export class RedeemCodeDto implements RedeemCodeRequest {
  @ApiProperty({ example: 'ABCD-EFGH-JKLM-NPQR' })
  @IsString()
  @Length(1, 64)
  code: string;
}
