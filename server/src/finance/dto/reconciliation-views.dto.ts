import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ReconciliationMismatchKind,
  type ReconciliationMismatch,
  type ReconciliationStatement,
} from '@member-commerce/shared';

/** Swagger shapes of the reconciliation answers (the shared interfaces are the contract). */
export class ReconciliationMismatchView implements ReconciliationMismatch {
  @ApiProperty({ enum: Object.values(ReconciliationMismatchKind) }) kind: ReconciliationMismatchKind;
  @ApiProperty() outTradeNo: string;
  @ApiPropertyOptional() outRefundNo?: string;
  @ApiPropertyOptional() transactionId?: string;
  @ApiPropertyOptional() wechatFen?: number;
  @ApiPropertyOptional() oursFen?: number;
  @ApiPropertyOptional() wechatStatus?: string;
  @ApiPropertyOptional() oursStatus?: string;
  @ApiProperty() reference: string;
  @ApiPropertyOptional() resolvedAt?: string;
  @ApiPropertyOptional() resolvedBy?: string;
  @ApiPropertyOptional() note?: string;
}

class ReconciliationTotalsView {
  @ApiProperty() wechatFen: number;
  @ApiProperty() oursFen: number;
}

export class ReconciliationStatementView implements ReconciliationStatement {
  @ApiProperty() date: string;
  @ApiProperty({ type: ReconciliationTotalsView }) totals: ReconciliationTotalsView;
  @ApiProperty() matched: number;
  @ApiProperty({ type: [ReconciliationMismatchView] }) mismatches: ReconciliationMismatchView[];
  @ApiPropertyOptional() storedAt?: string;
}
