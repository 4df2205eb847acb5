import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { pagePath, Routes } from '@member-commerce/shared';
import type { CreateReminderRuleRequest, ReminderPreviewRequest, ReminderRuleKind } from '@member-commerce/shared';
import { IsStringRecord } from '../../common/is-string-record';

export class CreateReminderRuleDto implements CreateReminderRuleRequest {
  @ApiProperty({ example: '到期前7天' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({
    example: -7,
    description: 'Days relative to the membership end: −30 = 30 days before, +3 = 3 days after',
  })
  @IsInt()
  @Min(-366)
  @Max(366)
  offsetDays: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Subscribe-message template; null = the shop's renewal template",
  })
  @IsOptional()
  @IsString()
  @Length(0, 64)
  templateId?: string | null;

  @ApiProperty({ example: pagePath(Routes.membership) })
  @IsString()
  @Length(1, 255)
  @Matches(/^[A-Za-z0-9_\-/]+(\?[\x21-\x7e]*)?$/, {
    message: `page must be a mini-program path such as ${pagePath(Routes.membership)}`,
  })
  page: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { thing1: '{tierName}即将到期', time2: '{termEnd}' },
    description: 'Template fields; placeholders {tierName} {termEnd} {daysLeft}',
  })
  @IsStringRecord()
  fields: Record<string, string>;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateReminderRuleDto extends PartialType(CreateReminderRuleDto) {}

export class ReminderPreviewDto implements ReminderPreviewRequest {
  @ApiPropertyOptional({ enum: ['RENEWAL', 'GRACE'], default: 'RENEWAL' })
  @IsOptional()
  @IsIn(['RENEWAL', 'GRACE'])
  kind?: ReminderRuleKind;

  @ApiProperty({ example: -7 })
  @IsInt()
  @Min(-366)
  @Max(366)
  offsetDays: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { thing1: '{tierName}即将到期', time2: '{termEnd}' },
  })
  @IsStringRecord()
  fields: Record<string, string>;
}
