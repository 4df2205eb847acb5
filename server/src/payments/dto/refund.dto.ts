import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { ErrorCode } from '@member-commerce/shared';

export class CreateRefundDto {
  @ApiPropertyOptional({ description: 'Fen to refund; default: the refundable amount of the quote' })
  @IsOptional()
  @IsInt({ context: { code: ErrorCode.REFUND_AMOUNT_INVALID } })
  @Min(1, { context: { code: ErrorCode.REFUND_AMOUNT_INVALID } })
  amountFen?: number;

  @ApiProperty({ example: '客户申请退会' })
  @IsString()
  @Length(2, 80)
  reason: string;
}
