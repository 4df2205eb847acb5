import { Body, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { AdminProductView, CategoryView, Page, SetOnSaleResult } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import {
  CreateProductDto,
  ProductSearchQueryDto,
  SetMemberPricesDto,
  SetOnSaleDto,
  SkuDto,
  UpdateProductDto,
  UpdateSkuDto,
} from './dto/product.dto';
import { ProductsAdminService } from './products-admin.service';

@StaffController('products', 'admin: products', ...CATALOG_WRITERS)
export class ProductsAdminController {
  constructor(private readonly products: ProductsAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Search products by title, category and sale status, a page at a time',
    operationId: 'adminSearchProducts',
  })
  @ApiResponseOf('AdminProductViewPage')
  searchProducts(@Query() query: ProductSearchQueryDto): Promise<Page<AdminProductView>> {
    return this.products.search(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a product with its SKUs', operationId: 'adminCreateProduct' })
  @ApiResponseOf('AdminProductView')
  createProduct(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateProductDto): Promise<AdminProductView> {
    return this.products.create(actor, dto);
  }

  @Get('categories')
  @ApiOperation({ summary: 'Categories in use, with their product counts', operationId: 'adminListCategories' })
  @ApiResponseOf('CategoryView', { isArray: true })
  listCategories(): Promise<CategoryView[]> {
    return this.products.categories();
  }

  @Post('on-sale')
  @ApiOperation({ summary: 'Put several products on or off sale at once', operationId: 'adminSetOnSale' })
  @ApiResponseOf('SetOnSaleResult')
  @HttpCode(200)
  setOnSale(@CurrentStaff() actor: StaffPrincipal, @Body() dto: SetOnSaleDto): Promise<SetOnSaleResult> {
    return this.products.setOnSale(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One product with its SKUs and member prices', operationId: 'adminGetProduct' })
  @ApiResponseOf('AdminProductView')
  getProduct(@Param('id', ParseIntPipe) id: number): Promise<AdminProductView> {
    return this.products.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a product (title, images, description, category, sale status)',
    operationId: 'adminUpdateProduct',
  })
  @ApiResponseOf('AdminProductView')
  updateProduct(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateProductDto,
  ): Promise<AdminProductView> {
    return this.products.update(actor, id, dto);
  }

  @Post(':id/skus')
  @ApiOperation({ summary: 'Add a SKU to a product', operationId: 'adminAddSku' })
  @ApiResponseOf('AdminProductView')
  addSku(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SkuDto,
  ): Promise<AdminProductView> {
    return this.products.addSku(actor, id, dto);
  }
}

@StaffController('skus', 'admin: products', ...CATALOG_WRITERS)
export class SkusAdminController {
  constructor(private readonly products: ProductsAdminService) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Change a SKU (list price, stock, code)', operationId: 'adminUpdateSku' })
  @ApiResponseOf('AdminProductView')
  updateSku(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateSkuDto,
  ): Promise<AdminProductView> {
    return this.products.updateSku(actor, id, dto);
  }

  @Put(':id/member-prices')
  @ApiOperation({ summary: "Set a SKU's member price per tier", operationId: 'adminSetMemberPrices' })
  @ApiResponseOf('AdminProductView')
  setMemberPrices(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetMemberPricesDto,
  ): Promise<AdminProductView> {
    return this.products.setMemberPrices(actor, id, dto);
  }
}
