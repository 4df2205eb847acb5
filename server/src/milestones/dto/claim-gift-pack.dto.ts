import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { ClaimGiftPackRequest, GiftClaimSource } from '@member-commerce/shared';

export class ClaimGiftPackDto implements ClaimGiftPackRequest {
  @ApiProperty({ enum: ['WELCOME', 'MILESTONE'] })
  @IsIn(['WELCOME', 'MILESTONE'])
  source: GiftClaimSource;

  @ApiProperty()
  @IsInt()
  @Min(1)
  termId: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  milestoneId?: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  giftPackId: number;

  @ApiPropertyOptional({ description: 'Delivery address for the gift; default: the default address' })
  @IsOptional()
  @IsInt()
  @Min(1)
  addressId?: number;
}
