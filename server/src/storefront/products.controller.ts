import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { CategoryView, Page, ProductView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { OptionalCustomerAuthGuard } from '../common/customer-auth.guard';
import { StorefrontProductQueryDto } from '../catalog/dto/product.dto';
import { StorefrontCatalogService } from './storefront-catalog.service';

@ApiTags('catalog')
@ApiBearerAuth()
@UseGuards(OptionalCustomerAuthGuard)
@Controller()
export class ProductsController {
  constructor(private readonly catalog: StorefrontCatalogService) {}

  @Get('products')
  @ApiOperation({
    summary: 'A page of on-sale products visible to the caller, priced for the caller; q searches title and subtitle',
    operationId: 'listProducts',
  })
  @ApiResponseOf('ProductViewPage')
  listProducts(
    @CurrentCustomerId() customerId: number | undefined,
    @Query() query: StorefrontProductQueryDto,
  ): Promise<Page<ProductView>> {
    return this.catalog.list(customerId, query);
  }

  @Get('products/:id')
  @ApiOperation({ summary: 'One on-sale product with the prices the caller pays', operationId: 'getProduct' })
  @ApiResponseOf('ProductView')
  getProduct(
    @CurrentCustomerId() customerId: number | undefined,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ProductView> {
    return this.catalog.get(customerId, id);
  }

  @Get('categories')
  @ApiOperation({ summary: 'Categories of on-sale products', operationId: 'listCategories' })
  @ApiResponseOf('CategoryView', { isArray: true })
  listCategories(@CurrentCustomerId() customerId: number | undefined): Promise<CategoryView[]> {
    return this.catalog.categories(customerId);
  }
}
