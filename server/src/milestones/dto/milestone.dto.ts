import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CreateMilestoneRequest, ErrorCode, LifecycleStatus } from '@member-commerce/shared';

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ description: 'Cumulative spend in fen that unlocks the reward', example: 500000 })
  @IsInt({ context: { code: ErrorCode.INVALID_PRICE } })
  @Min(1, { context: { code: ErrorCode.INVALID_PRICE } })
  @Max(10_000_000_000, { context: { code: ErrorCode.INVALID_PRICE } })
  thresholdFen: number;

  @ApiProperty({ example: '消费满 5000 元礼包' })
  @IsString()
  @Length(1, 64)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  giftPackId?: number | null;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  benefitIds?: number[];

  @ApiPropertyOptional({
    enum: ['DRAFT', 'ACTIVE', 'ARCHIVED'],
    description: 'Draft → active → archived; created ACTIVE unless DRAFT is asked for',
  })
  @IsOptional()
  @IsIn(['DRAFT', 'ACTIVE', 'ARCHIVED'])
  status?: LifecycleStatus;
}

export class UpdateMilestoneDto extends PartialType(CreateMilestoneDto) {}
