import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BannerView } from '@member-commerce/shared';
import { BannersService } from './banners.service';

@ApiTags('discovery')
@Controller('banners')
export class BannersController {
  constructor(private readonly banners: BannersService) {}

  @Get()
  @ApiOperation({ summary: 'Home banners whose active window covers now, in order' })
  listBanners(): Promise<BannerView[]> {
    return this.banners.listActive();
  }
}
