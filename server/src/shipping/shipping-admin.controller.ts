import { Body, Get, Put } from '@nestjs/common';
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
  getShippingPolicy(): Promise<ShippingPolicyView> {
    return this.shipping.policy();
  }

  @Put()
  @Roles('admin', 'operator')
  updateShippingPolicy(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() dto: UpdateShippingPolicyDto,
  ): Promise<ShippingPolicyView> {
    return this.shipping.update(actor, dto);
  }
}
