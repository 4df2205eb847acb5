import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { CARRIER_CODES, ErrorCode, TRACKING_NO_PATTERN } from '@member-commerce/shared';

/** `PUT /api/admin/after-sales/return-address` */
export class ReturnAddressDto {
  @ApiProperty({ example: '王仓管', description: 'Who receives returned goods' })
  @IsString()
  @Length(1, 40)
  name: string;

  @ApiProperty({ example: '021-61234567' })
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be 5–20 digits, +, - or spaces' })
  phone: string;

  @ApiProperty({ example: '上海市浦东新区张江路 100 号 3 号仓' })
  @IsString()
  @Length(5, 200)
  address: string;
}

/** `POST /api/me/after-sales/:id/return-shipment` */
export class SubmitReturnShipmentDto {
  @ApiProperty({ enum: CARRIER_CODES, description: 'Courier company (the shop’s courier list)' })
  @IsIn(CARRIER_CODES, { context: { code: ErrorCode.CARRIER_UNKNOWN } })
  carrier: string;

  @ApiProperty({ example: 'SF1234567890' })
  @IsString({ context: { code: ErrorCode.TRACKING_NO_INVALID } })
  @Matches(TRACKING_NO_PATTERN, {
    message: 'trackingNo must be 6–40 letters, digits or -',
    context: { code: ErrorCode.TRACKING_NO_INVALID },
  })
  trackingNo: string;
}
