import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { BenefitType, CreateBenefitRequest, LifecycleStatus } from '@member-commerce/shared';

export class CreateBenefitDto implements CreateBenefitRequest {
  @ApiProperty({ enum: Object.values(BenefitType) })
  @IsIn(Object.values(BenefitType))
  type: BenefitType;

  @ApiProperty({ example: '会员专享价' })
  @IsString()
  @Length(1, 64)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  description?: string;

  @ApiPropertyOptional({ example: 'price' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  icon?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { hours: 48 } })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    enum: ['DRAFT', 'ACTIVE', 'ARCHIVED'],
    description: 'Draft → active → archived; created ACTIVE unless DRAFT is asked for',
  })
  @IsOptional()
  @IsIn(['DRAFT', 'ACTIVE', 'ARCHIVED'])
  status?: LifecycleStatus;
}

export class UpdateBenefitDto extends PartialType(CreateBenefitDto) {}
