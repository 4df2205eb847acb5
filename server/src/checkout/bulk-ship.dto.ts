import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class BulkShipDto {
  @ApiProperty({
    description: 'CSV text with the columns 订单号, 快递公司 (code or name), 快递单号',
    example: '订单号,快递公司,快递单号\nMC2026…,顺丰速运,SF1234567890',
  })
  @IsString()
  @Length(1, 500_000)
  csv: string;

  @ApiPropertyOptional({ description: 'true: check every row and ship nothing (the preview staff confirm)' })
  @IsOptional()
  @IsBoolean()
  preview?: boolean;
}
