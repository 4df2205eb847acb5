import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderView, WechatReceiptParams } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { OrderReceiptService } from './order-receipt.service';
import { WechatReceiptParamsDto } from './wechat-shipping.dto';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('orders')
export class OrderReceiptController {
  constructor(private readonly receipts: OrderReceiptService) {}

  @Get(':id/receipt')
  @ApiOperation({
    summary: "The payment WeChat's confirm-receipt component (weappOrderConfirm) needs for a shipped order",
  })
  @ApiOkResponse({ type: WechatReceiptParamsDto })
  getReceiptParams(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WechatReceiptParams> {
    return this.receipts.paymentOf(customerId, id);
  }

  @Post(':id/confirm-receipt')
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer received the parcel: the shipped order completes' })
  confirmReceipt(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.receipts.confirm(customerId, id);
  }
}
