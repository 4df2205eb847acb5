import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CancelGiftOrderDto {
  @ApiProperty({ example: '会员要求更换礼包' })
  @IsString()
  @Length(2, 200)
  reason: string;
}
