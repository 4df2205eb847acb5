import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AfterSalesStatus, AfterSalesType, ErrorCode } from '@member-commerce/shared';
import { PageQueryDto } from '../../common/dto/page-query.dto';

export class CreateAfterSalesDto {
  @ApiProperty({ enum: Object.values(AfterSalesType) })
  @IsIn(Object.values(AfterSalesType))
  type: AfterSalesType;

  @ApiProperty({ example: '商品破损' })
  @IsString()
  @Length(1, 40)
  reason: string;

  @ApiPropertyOptional({ example: '外包装压坏，瓶口漏了' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'Names from POST /api/after-sales/photos (at most 6)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @Matches(/^[0-9a-f-]{36}\.(jpg|png|webp)$/, { each: true, context: { code: ErrorCode.PHOTO_NOT_FOUND } })
  photos?: string[];

  @ApiPropertyOptional({ description: 'Fen to refund; default: everything still refundable' })
  @IsOptional()
  @IsInt({ context: { code: ErrorCode.REFUND_AMOUNT_INVALID } })
  @Min(1, { context: { code: ErrorCode.REFUND_AMOUNT_INVALID } })
  amountFen?: number;
}

export class AfterSalesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(AfterSalesStatus) })
  @IsOptional()
  @IsIn(Object.values(AfterSalesStatus))
  status?: AfterSalesStatus;
}

export class DecideAfterSalesDto {
  @ApiPropertyOptional({ example: '已核实' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class RejectAfterSalesDto {
  @ApiProperty({ example: '商品已签收超过 7 天' })
  @IsString()
  @Length(2, 200)
  note: string;
}

/** `POST /api/after-sales/photos?orderId=`: the customer's own order the photo is for. */
export class PhotoUploadQueryDto {
  @ApiProperty({ description: "The order the after-sales photo is for (the caller's own paid product order)" })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  orderId: number;
}

export class UpdateAfterSalesDto {
  @ApiProperty({ description: 'Fen to refund: at least 1, at most what the order can still refund', example: 2500 })
  @IsInt({ context: { code: ErrorCode.REFUND_AMOUNT_INVALID } })
  @Min(1, { context: { code: ErrorCode.REFUND_AMOUNT_INVALID } })
  amountFen: number;
}
