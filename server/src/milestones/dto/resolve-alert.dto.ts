import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ResolveAlertDto {
  @ApiProperty({ example: '礼包已发出，不追回' })
  @IsString()
  @Length(2, 200)
  note: string;
}
