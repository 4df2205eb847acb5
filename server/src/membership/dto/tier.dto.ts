import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CreateTierRequest,
  ErrorCode,
  MAX_DEFAULT_DISCOUNT_BP,
  TierStatus,
  UpdateTierRequest,
} from '@member-commerce/shared';

const price = { context: { code: ErrorCode.INVALID_PRICE } };
const term = { context: { code: ErrorCode.INVALID_TERM } };

export class CreateTierDto implements CreateTierRequest {
  @ApiProperty({ example: 'ANNUAL' })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2–32 of A-Z 0-9 _ -' })
  code: string;

  @ApiProperty({ example: '年卡会员' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ description: 'Fee in fen, > 0', example: 100000 })
  @IsInt(price)
  @Min(1, { ...price, message: 'priceFen must be a positive number of fen' })
  @Max(100_000_000, price)
  priceFen: number;

  @ApiPropertyOptional({ description: 'Term in months (set this or termDays)', example: 12 })
  @ValidateIf((dto: CreateTierDto) => dto.termMonths !== undefined || dto.termDays === undefined)
  @IsInt(term)
  @Min(1, { ...term, message: 'termMonths must be at least 1' })
  @Max(120, term)
  termMonths?: number;

  @ApiPropertyOptional({ description: 'Term in days (set this or termMonths)' })
  @ValidateIf((dto: CreateTierDto) => dto.termDays !== undefined)
  @IsInt(term)
  @Min(1, { ...term, message: 'termDays must be at least 1' })
  @Max(3660, term)
  termDays?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @Length(0, 512)
  image?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;

  @ApiPropertyOptional({
    description:
      'Default member discount in basis points (1000 = 10 % off; below 100 %: a member price is at least 1 fen)',
    example: 500,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DEFAULT_DISCOUNT_BP, {
    message: 'defaultDiscountBp must be below 10000 (100 % off would make member prices 0 fen)',
  })
  defaultDiscountBp?: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  giftPackChoices?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Standalone selling price of the membership service in fen (revenue allocation); null clears it',
    example: 150000,
  })
  @IsOptional()
  @IsInt({ context: { code: ErrorCode.INVALID_PRICE } })
  @Min(0, { context: { code: ErrorCode.INVALID_PRICE } })
  @Max(100_000_000, { context: { code: ErrorCode.INVALID_PRICE } })
  serviceStandaloneFen?: number | null;
  @ApiPropertyOptional({ example: 7, description: 'Free trial days, once per customer; 0 = no trial' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  trialDays?: number;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  benefitIds?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  giftPackIds?: number[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Offer auto-renew (WeChat deduction) at this price per term, fen; null: no auto-renew',
    example: 90000,
  })
  @IsOptional()
  @IsInt(price)
  @Min(1, { ...price, message: 'autoRenewPriceFen must be a positive number of fen' })
  @Max(100_000_000, price)
  autoRenewPriceFen?: number | null;
}

export class UpdateTierDto
  extends PartialType(OmitType(CreateTierDto, ['termMonths', 'termDays'] as const))
  implements UpdateTierRequest
{
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt(term)
  @Min(1, { ...term, message: 'termMonths must be at least 1' })
  @Max(120, term)
  termMonths?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt(term)
  @Min(1, { ...term, message: 'termDays must be at least 1' })
  @Max(3660, term)
  termDays?: number;

  @ApiPropertyOptional({ enum: Object.values(TierStatus) })
  @IsOptional()
  @IsIn(Object.values(TierStatus))
  status?: TierStatus;
}
