import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { ReminderRunRequest } from '@member-commerce/shared';

export class RunRemindersDto implements ReminderRunRequest {
  @ApiPropertyOptional({
    example: '2026-12-01T02:00:00Z',
    description: 'Dev mode only: run the pass as if at this time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;
}
