import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CreateMembershipOrderRequest,
  CreateProductOrderRequest,
  CustomerOrderGroup,
  OrderItemRequest,
  OrderStatus,
} from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

export class OrderItemDto implements OrderItemRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  skuId: number;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  quantity: number;
}

/** Only what to buy: any price a client sends is dropped by the validation pipe. */
export class CreateProductOrderDto implements CreateProductOrderRequest {
  @ApiProperty({ type: [OrderItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items: OrderItemDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  addressId?: number;

  @ApiPropertyOptional({ description: 'One coupon of the caller; the server checks it applies' })
  @IsOptional()
  @IsInt()
  @Min(1)
  couponId?: number;
}

export class QuoteOrderDto {
  @ApiProperty({ type: [OrderItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items: OrderItemDto[];

  @ApiPropertyOptional({ description: 'One coupon of the caller; the server checks it applies' })
  @IsOptional()
  @IsInt()
  @Min(1)
  couponId?: number;
}

export class CreateMembershipOrderDto implements CreateMembershipOrderRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  tierId: number;

  @ApiPropertyOptional({ description: 'The welcome gift pack (may also be chosen later)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  giftPackId?: number;

  @ApiPropertyOptional({ description: 'Where the welcome gift goes (default: the default address)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  addressId?: number;

  @ApiPropertyOptional({
    description: 'The version of the member agreement (GET /api/membership-agreement) the buyer accepted',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  agreementVersion?: number;
}

export class CreateGiftMembershipOrderDto {
  @ApiProperty({ description: 'The tier given' })
  @IsInt()
  @Min(1)
  tierId: number;
}

export class OrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(OrderStatus) })
  @IsOptional()
  @IsIn(Object.values(OrderStatus))
  status?: OrderStatus;

  @ApiPropertyOptional({ enum: Object.values(CustomerOrderGroup), description: '待付款 / 待发货 / 待收货' })
  @IsOptional()
  @IsIn(Object.values(CustomerOrderGroup))
  group?: CustomerOrderGroup;
}

export class ChooseAddressDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  addressId: number;
}
