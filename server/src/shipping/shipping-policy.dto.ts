import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { ErrorCode } from '@member-commerce/shared';

const price = { context: { code: ErrorCode.INVALID_PRICE } };

export class UpdateShippingPolicyDto {
  @ApiProperty({ example: 1000, description: 'Flat fee per order, fen' })
  @IsInt(price)
  @Min(0, price)
  @Max(100_000, price)
  flatFeeFen: number;

  @ApiProperty({
    type: Number,
    example: 9900,
    nullable: true,
    description: 'Goods from this amount ship free; null: never',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt(price)
  @Min(1, price)
  @Max(100_000_000, price)
  freeAboveFen: number | null;
}
