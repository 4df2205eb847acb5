import { Body, Get, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { ShippingPolicyView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { UpdateShippingPolicyDto } from './shipping-policy.dto';
import { ShippingService } from './shipping.service';

@StaffController('shipping-policy', 'admin: shipping', ...ALL_STAFF)
export class ShippingAdminController {
  constructor(private readonly shipping: ShippingService) {}

  @Get()
  @ApiOperation({ summary: 'The shipping fee and the free-shipping threshold', operationId: 'adminGetShippingPolicy' })
  @ApiResponseOf('ShippingPolicyView')
  getShippingPolicy(): Promise<ShippingPolicyView> {
    return this.shipping.policy();
  }

  @Put()
  @ApiOperation({
    summary: 'Change the shipping fee or the free-shipping threshold',
    operationId: 'adminUpdateShippingPolicy',
  })
  @ApiResponseOf('ShippingPolicyView')
  @Roles('admin', 'operator')
  updateShippingPolicy(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() dto: UpdateShippingPolicyDto,
  ): Promise<ShippingPolicyView> {
    return this.shipping.update(actor, dto);
  }
}
