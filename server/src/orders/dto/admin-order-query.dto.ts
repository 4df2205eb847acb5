import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { OrderKind, OrderStatus, type ShipOrderRequest } from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { CARRIER_CODES, CarrierCode, TRACKING_NO_PATTERN } from '@member-commerce/shared';

export class AdminOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(OrderKind) })
  @IsOptional()
  @IsIn(Object.values(OrderKind))
  kind?: OrderKind;

  @ApiPropertyOptional({ enum: Object.values(OrderStatus) })
  @IsOptional()
  @IsIn(Object.values(OrderStatus))
  status?: OrderStatus;

  @ApiPropertyOptional({ description: "One customer's orders (客户详情)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  customerId?: number;

  @ApiPropertyOptional({ description: 'out_trade_no, nickname or phone' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;

  @ApiPropertyOptional({ description: 'Created on or after (YYYY-MM-DD, shop time zone)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Created on or before (YYYY-MM-DD, shop time zone)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Membership orders of this tier; product orders priced by it' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tierId?: number;

  @ApiPropertyOptional({
    enum: ['TO_SHIP', 'SHIPPED'],
    description: 'Paid goods (products and gifts) waiting to ship, or shipped',
  })
  @IsOptional()
  @IsIn(['TO_SHIP', 'SHIPPED'])
  fulfilment?: 'TO_SHIP' | 'SHIPPED';

  @ApiPropertyOptional({ enum: ['FAILED'], description: 'Orders whose shipping information WeChat refused' })
  @IsOptional()
  @IsIn(['FAILED'])
  wechatShipping?: 'FAILED';
}

export class ShipOrderDto implements ShipOrderRequest {
  @ApiProperty({ enum: CARRIER_CODES, description: 'Courier company' })
  @IsIn(CARRIER_CODES)
  carrier: CarrierCode;

  @ApiProperty({ example: 'SF1234567890' })
  @Matches(TRACKING_NO_PATTERN, { message: 'trackingNo must be 6–40 letters, digits or -' })
  trackingNo: string;
}
