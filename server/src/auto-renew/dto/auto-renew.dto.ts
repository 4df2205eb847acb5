import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class StartAutoRenewDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  tierId: number;
}

export class RunAutoRenewDto {
  @ApiPropertyOptional({
    example: '2026-12-01T02:00:00Z',
    description: 'Dev mode only: run the pass as if at this time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;
}
