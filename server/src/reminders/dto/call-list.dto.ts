import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CallListQuery, CallOutcome, RecordCallRequest } from '@member-commerce/shared';

export class CallListQueryDto implements CallListQuery {
  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  withinDays?: number;

  @ApiPropertyOptional({ enum: ['spend', 'termEnd'], default: 'spend' })
  @IsOptional()
  @IsIn(['spend', 'termEnd'])
  sort?: 'spend' | 'termEnd';
}

export class RecordCallDto implements RecordCallRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  customerId: number;

  @ApiProperty({ enum: Object.values(CallOutcome) })
  @IsIn(Object.values(CallOutcome))
  outcome: CallOutcome;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
