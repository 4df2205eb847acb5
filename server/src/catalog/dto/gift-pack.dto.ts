import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CreateGiftPackRequest, ErrorCode, GiftPackItemInput, LifecycleStatus } from '@member-commerce/shared';

export class GiftPackItemDto implements GiftPackItemInput {
  @ApiProperty()
  @IsInt()
  skuId: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;
}

export class CreateGiftPackDto implements CreateGiftPackRequest {
  @ApiProperty({ example: '精选坚果礼盒' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ description: 'Declared value in fen', example: 150000 })
  @IsInt({ context: { code: ErrorCode.INVALID_PRICE } })
  @Min(0, { context: { code: ErrorCode.INVALID_PRICE } })
  @Max(100_000_000, { context: { code: ErrorCode.INVALID_PRICE } })
  valueFen: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Standalone selling price in fen (revenue allocation); null clears it',
    example: 150000,
  })
  @IsOptional()
  @IsInt({ context: { code: ErrorCode.INVALID_PRICE } })
  @Min(0, { context: { code: ErrorCode.INVALID_PRICE } })
  @Max(100_000_000, { context: { code: ErrorCode.INVALID_PRICE } })
  standaloneFen?: number | null;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  stock: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @Length(0, 512)
  image?: string | null;

  @ApiProperty({ type: [GiftPackItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GiftPackItemDto)
  items: GiftPackItemDto[];

  @ApiPropertyOptional({
    enum: ['DRAFT', 'ACTIVE', 'ARCHIVED'],
    description: 'Draft → active → archived; created ACTIVE unless DRAFT is asked for',
  })
  @IsOptional()
  @IsIn(['DRAFT', 'ACTIVE', 'ARCHIVED'])
  status?: LifecycleStatus;
}

export class UpdateGiftPackDto extends PartialType(CreateGiftPackDto) {}
