import { Body, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { AdminBannerView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { BannerDto, UpdateBannerDto } from './dto/banner.dto';
import { BannersService } from './banners.service';

@StaffController('banners', 'admin: banners', ...CATALOG_WRITERS)
export class BannersAdminController {
  constructor(private readonly banners: BannersService) {}

  @Get()
  @ApiOperation({ summary: 'Storefront banners, whatever their status', operationId: 'adminListBanners' })
  @ApiResponseOf('AdminBannerView', { isArray: true })
  listBanners(): Promise<AdminBannerView[]> {
    return this.banners.listAll();
  }

  @Post()
  @ApiOperation({ summary: 'Add a storefront banner', operationId: 'adminCreateBanner' })
  @ApiResponseOf('AdminBannerView')
  createBanner(@CurrentStaff() actor: StaffPrincipal, @Body() dto: BannerDto): Promise<AdminBannerView> {
    return this.banners.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a storefront banner', operationId: 'adminUpdateBanner' })
  @ApiResponseOf('AdminBannerView')
  updateBanner(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateBannerDto,
  ): Promise<AdminBannerView> {
    return this.banners.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a storefront banner', operationId: 'adminDeleteBanner' })
  @ApiNoContentResponse()
  @HttpCode(204)
  deleteBanner(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.banners.remove(actor, id);
  }
}
