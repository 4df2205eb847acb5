import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { BannerView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { OptionalCustomerAuthGuard } from '../common/customer-auth.guard';
import { BannersService } from './banners.service';

@ApiTags('discovery')
@ApiBearerAuth()
@UseGuards(OptionalCustomerAuthGuard)
@Controller('banners')
export class BannersController {
  constructor(private readonly banners: BannersService) {}

  @Get()
  @ApiOperation({
    summary:
      'Home banners whose active window covers now, in order; a product banner only when the caller may see the product',
    operationId: 'listBanners',
  })
  @ApiResponseOf('BannerView', { isArray: true })
  listBanners(@CurrentCustomerId() customerId: number | undefined): Promise<BannerView[]> {
    return this.banners.listActive(customerId);
  }
}
