import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SimulatedShippingUpload } from '@member-commerce/shared';
import { MiniProgramSimulator } from './mini-program-simulator';

class SimulatedShippingUploadDto implements SimulatedShippingUpload {
  outTradeNo: string;
  transactionId: string | null;
  logisticsType: 1 | 3;
  shippingList: { expressCompany: string; trackingNo: string }[];
  uploadedAt: string;
}

/** What the simulated shipping-information service received (API.md). Registered only when `WECHAT_MODE=dev`. */
@ApiTags('dev: WeChat simulator')
@Controller('dev/wechat')
export class DevWechatShippingController {
  constructor(private readonly simulator: MiniProgramSimulator) {}

  @Get('shipping-uploads')
  @ApiOperation({ summary: 'What the simulator received through upload_shipping_info, newest first' })
  @ApiOkResponse({ type: SimulatedShippingUploadDto, isArray: true })
  listShippingUploads(): Promise<SimulatedShippingUpload[]> {
    return this.simulator.listUploads();
  }
}
