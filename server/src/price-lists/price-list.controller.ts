import { Body, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiFileResponse, ApiResponseOf } from '../openapi/api-response.decorator';
import type { PriceListApplyResult, PriceListPreview } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { ApplyPriceListDto, PriceListFileDto } from './price-list.dto';
import { PriceListService } from './price-list.service';

@StaffController('price-list', 'admin: products', ...CATALOG_WRITERS)
export class PriceListController {
  constructor(private readonly priceList: PriceListService) {}

  @Get('export')
  @ApiOperation({
    summary: 'Every SKU × tier member price as CSV (UTF-8 with BOM), the import format',
    operationId: 'adminExportPriceList',
  })
  @ApiFileResponse('text/csv')
  exportPriceList(): StreamableFile {
    return new StreamableFile(this.priceList.export(), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="price-list.csv"`,
    });
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Every change the file would make (old → new) and every row error; writes nothing',
    operationId: 'adminPreviewPriceList',
  })
  @ApiResponseOf('PriceListPreview')
  previewPriceList(@Body() dto: PriceListFileDto): Promise<PriceListPreview> {
    return this.priceList.preview(dto.csv);
  }

  @Post('apply')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Applies a previewed file in one transaction: all rows or none (409 PRICE_LIST_STALE if anything changed since the preview)',
    operationId: 'adminApplyPriceList',
  })
  @ApiResponseOf('PriceListApplyResult')
  applyPriceList(@CurrentStaff() actor: StaffPrincipal, @Body() dto: ApplyPriceListDto): Promise<PriceListApplyResult> {
    return this.priceList.apply(actor, dto.csv, dto.token);
  }
}
