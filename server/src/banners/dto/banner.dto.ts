import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { BannerInput, BannerLinkType } from '@member-commerce/shared';

export class BannerDto implements BannerInput {
  @ApiProperty({ example: '车厘子季 · 会员抢先购' })
  @IsString()
  @Length(1, 64)
  title: string;

  @ApiProperty({
    example: '/media/0123456789abcdef0123456789abcdef.jpg',
    description: 'URL from POST /api/admin/media',
  })
  @IsString()
  @Length(1, 500)
  image: string;

  @ApiProperty({ enum: Object.values(BannerLinkType) })
  @IsIn(Object.values(BannerLinkType))
  linkType: BannerLinkType;

  @ApiPropertyOptional({ description: 'Product id, category name or page path, by linkType' })
  @IsOptional()
  @IsString()
  @Length(0, 255)
  linkTarget?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(-10_000)
  @Max(10_000)
  sortOrder?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true })
  activeFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true })
  activeTo?: string | null;
}

export class UpdateBannerDto extends PartialType(BannerDto) {}
