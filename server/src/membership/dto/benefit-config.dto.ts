import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CouponConfig, PriorityAccessConfig, ServiceConfig } from '@member-commerce/shared';

export class PriorityAccessConfigDto implements PriorityAccessConfig {
  @ApiProperty({ minimum: 1, maximum: 720, example: 48 })
  @IsInt()
  @Min(1)
  @Max(720)
  hours: number;
}

export class CouponConfigDto implements CouponConfig {
  @ApiProperty({ example: 5000 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountFen: number;

  @ApiProperty({ example: 30000, description: '0 = no minimum' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  thresholdFen: number;

  @ApiProperty({ minimum: 1, maximum: 366, example: 30 })
  @IsInt()
  @Min(1)
  @Max(366)
  validDays: number;

  @ApiProperty({ description: 'Issued again at the start of every term month' })
  @IsBoolean()
  perMonth: boolean;

  @ApiProperty({ minimum: 1, maximum: 10, example: 1 })
  @IsInt()
  @Min(1)
  @Max(10)
  quantity: number;
}

export class ServiceConfigDto implements ServiceConfig {
  @ApiPropertyOptional({ example: '400-800-1234' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be 5–20 digits, spaces, + or -' })
  phone?: string;

  @ApiPropertyOptional({ example: 'vip-service' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  wechatId?: string;
}
