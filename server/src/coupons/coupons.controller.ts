import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { CouponView } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { CouponsService } from './coupons.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/coupons')
export class CouponsController {
  constructor(
    private readonly coupons: CouponsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'My coupons: usable first, then held by an unpaid order, used and expired',
    operationId: 'listMyCoupons',
  })
  @ApiResponseOf('CouponView', { isArray: true })
  listMyCoupons(@CurrentCustomerId() customerId: number): Promise<CouponView[]> {
    return this.coupons.listMine(customerId, this.clock.now());
  }
}
