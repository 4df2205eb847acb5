import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { ProductSalesView } from '@member-commerce/shared';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { ProductSalesQueryDto } from './dto/product-sales-query.dto';
import { ProductSalesService } from './product-sales.service';

@StaffController('product-sales', 'admin: products', ...CATALOG_WRITERS)
export class ProductSalesController {
  constructor(private readonly sales: ProductSalesService) {}

  @Get()
  @ApiOperation({
    summary: 'Units and amount sold per product (paid product orders, fully refunded ones excluded)',
    operationId: 'adminProductSales',
  })
  @ApiResponseOf('ProductSalesView', { isArray: true })
  productSales(@Query() query: ProductSalesQueryDto): Promise<ProductSalesView[]> {
    return this.sales.forProducts(query.productIds);
  }
}
