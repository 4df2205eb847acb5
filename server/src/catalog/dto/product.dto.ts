import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CreateProductRequest,
  ErrorCode,
  LOW_STOCK_THRESHOLD,
  MemberPriceInput,
  SetMemberPricesRequest,
  SetOnSaleRequest,
  SkuInput,
  UpdateSkuRequest,
} from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

const price = { context: { code: ErrorCode.INVALID_PRICE } };

export class SkuDto implements SkuInput {
  @ApiProperty({ example: 'NUT-500G' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'code must be 1–64 of A-Z a-z 0-9 _ -' })
  code: string;

  @ApiProperty({ example: '500g 罐装' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ example: 12900 })
  @IsInt(price)
  @Min(1, { ...price, message: 'listPriceFen must be a positive number of fen' })
  @Max(100_000_000, price)
  listPriceFen: number;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  stock: number;

  @ApiPropertyOptional({ type: [String], description: 'Pictures of this variant, shown when it is picked' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  images?: string[];
}

export class UpdateSkuDto extends PartialType(SkuDto) implements UpdateSkuRequest {
  @ApiPropertyOptional({
    description:
      'Lowering the list price below member prices: lower those member prices to it too (else 409 MEMBER_PRICE_ABOVE_LIST)',
  })
  @IsOptional()
  @IsBoolean()
  clampMemberPrices?: boolean;
}

export class CreateProductDto implements CreateProductRequest {
  @ApiProperty({ example: '每日坚果 30 包' })
  @IsString()
  @Length(1, 128)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 255)
  subtitle?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 20_000)
  description?: string;

  @ApiProperty({ example: '休闲零食' })
  @IsString()
  @Length(1, 32)
  category: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  images?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  onSale?: boolean;

  @ApiPropertyOptional({
    type: String,
    description: 'Before this instant only active members see and buy it',
    nullable: true,
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  publicFrom?: string | null;

  @ApiProperty({ type: [SkuDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SkuDto)
  skus: SkuDto[];
}

export class UpdateProductDto extends PartialType(OmitType(CreateProductDto, ['skus'] as const)) {}

export class MemberPriceDto implements MemberPriceInput {
  @ApiProperty()
  @IsInt()
  tierId: number;

  @ApiProperty({ example: 9900, description: 'At least 1 fen: WeChat Pay takes no order of 0' })
  @IsInt(price)
  @Min(1, { ...price, message: 'priceFen must be at least 1 fen' })
  priceFen: number;
}

export class SetMemberPricesDto implements SetMemberPricesRequest {
  @ApiProperty({ type: [MemberPriceDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MemberPriceDto)
  prices: MemberPriceDto[];
}

export class ProductSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 32)
  category?: string;

  @ApiPropertyOptional({
    description: `Only on-sale products with a SKU at or below ${LOW_STOCK_THRESHOLD} units (库存预警)`,
  })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  lowStock?: boolean;
}

export class StorefrontProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 32)
  category?: string;

  @ApiPropertyOptional({
    description: 'Part of a title or subtitle (Chinese or English); whitespace separates words that must all appear',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;
}

export class SetOnSaleDto implements SetOnSaleRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  productIds: number[];

  @ApiProperty()
  @IsBoolean()
  onSale: boolean;
}
