import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { ErrorCode, RefundRequestStatus } from '@member-commerce/shared';

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

export class RefundRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'REJECTED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'REJECTED'])
  status?: RefundRequestStatus;
}

export class DecideRefundRequestDto {
  @ApiPropertyOptional({ example: '已核实，同意退款' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class RejectRefundRequestDto {
  @ApiProperty({ example: '礼包已发货，不符合退款条件' })
  @IsString()
  @Length(2, 200)
  note: string;
}

export class RefundActionNoteDto {
  @ApiProperty({ example: '已与顾客确认，转账至其银行卡' })
  @IsString()
  @Length(2, 200)
  note: string;
}
