import { Body, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
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
  searchProducts(@Query() query: ProductSearchQueryDto): Promise<Page<AdminProductView>> {
    return this.products.search(query);
  }

  @Post()
  createProduct(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateProductDto): Promise<AdminProductView> {
    return this.products.create(actor, dto);
  }

  @Get('categories')
  listCategories(): Promise<CategoryView[]> {
    return this.products.categories();
  }

  @Post('on-sale')
  @HttpCode(200)
  setOnSale(@CurrentStaff() actor: StaffPrincipal, @Body() dto: SetOnSaleDto): Promise<SetOnSaleResult> {
    return this.products.setOnSale(actor, dto);
  }

  @Get(':id')
  getProduct(@Param('id', ParseIntPipe) id: number): Promise<AdminProductView> {
    return this.products.get(id);
  }

  @Patch(':id')
  updateProduct(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateProductDto,
  ): Promise<AdminProductView> {
    return this.products.update(actor, id, dto);
  }

  @Post(':id/skus')
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
  updateSku(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateSkuDto,
  ): Promise<AdminProductView> {
    return this.products.updateSku(actor, id, dto);
  }

  @Put(':id/member-prices')
  setMemberPrices(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetMemberPricesDto,
  ): Promise<AdminProductView> {
    return this.products.setMemberPrices(actor, id, dto);
  }
}
