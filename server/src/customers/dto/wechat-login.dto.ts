import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { WechatLoginRequest } from '@member-commerce/shared';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login (dev mode: "dev:<name>")', example: 'dev:demo-member' })
  @IsString()
  @Length(1, 128)
  code: string;
}
