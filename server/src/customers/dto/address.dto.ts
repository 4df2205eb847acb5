import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { AddressInput } from '@member-commerce/shared';

export class AddressDto implements AddressInput {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 32)
  name: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mainland mobile number' })
  phone: string;

  @ApiProperty({ example: '上海市' })
  @IsString()
  @Length(1, 32)
  province: string;

  @ApiProperty({ example: '上海市' })
  @IsString()
  @Length(1, 32)
  city: string;

  @ApiProperty({ example: '浦东新区' })
  @IsString()
  @Length(1, 32)
  district: string;

  @ApiProperty({ example: '世纪大道 100 号 8 楼' })
  @IsString()
  @Length(1, 255)
  detail: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateAddressDto extends PartialType(AddressDto) {}
