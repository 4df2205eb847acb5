import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { StartTrialRequest } from '@member-commerce/shared';

export class StartTrialDto implements StartTrialRequest {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  tierId: number;
}
