import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../../openapi/api-response.decorator';
import type { SimulatedShippingUpload } from '@member-commerce/shared';
import { MiniProgramSimulator } from './mini-program-simulator';

/** What the simulated shipping-information service received. Registered only when `WECHAT_MODE=dev`. */
@ApiTags('dev: WeChat simulator')
@Controller('dev/wechat')
export class DevWechatShippingController {
  constructor(private readonly simulator: MiniProgramSimulator) {}

  @Get('shipping-uploads')
  @ApiOperation({
    summary: 'What the simulator received through upload_shipping_info, newest first',
    operationId: 'devListShippingUploads',
  })
  @ApiResponseOf('SimulatedShippingUpload', { isArray: true })
  listShippingUploads(): Promise<SimulatedShippingUpload[]> {
    return this.simulator.listUploads();
  }
}
