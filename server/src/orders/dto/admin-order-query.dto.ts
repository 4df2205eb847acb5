import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

export class AdminOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(OrderKind) })
  @IsOptional()
  @IsIn(Object.values(OrderKind))
  kind?: OrderKind;

  @ApiPropertyOptional({ enum: Object.values(OrderStatus) })
  @IsOptional()
  @IsIn(Object.values(OrderStatus))
  status?: OrderStatus;

  @ApiPropertyOptional({ description: 'out_trade_no, nickname or phone' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;
}
