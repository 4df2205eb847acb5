import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  WechatLogisticsType,
  WechatReceiptParams,
  WechatShippingStatus,
  WechatShippingView,
} from '@member-commerce/shared';

export class WechatShippingViewDto implements WechatShippingView {
  @ApiProperty() orderId: number;
  @ApiProperty({ enum: ['PENDING', 'UPLOADED', 'FAILED'] }) status: WechatShippingStatus;
  @ApiProperty({ enum: [1, 3], description: '1 express, 3 virtual' }) logisticsType: WechatLogisticsType;
  @ApiPropertyOptional() expressCompany?: string | null;
  @ApiPropertyOptional() trackingNo?: string | null;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional() errcode?: number | null;
  @ApiPropertyOptional() errmsg?: string | null;
  @ApiPropertyOptional({ description: 'errcode explained (Chinese)' }) explanation?: string | null;
  @ApiProperty() modificationUsed: boolean;
  @ApiPropertyOptional() uploadedAt?: string | null;
  @ApiPropertyOptional() nextAttemptAt?: string | null;
}

export class WechatReceiptParamsDto implements WechatReceiptParams {
  @ApiProperty() merchantId: string;
  @ApiProperty() merchantTradeNo: string;
}
