import { Body, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import type { AdminTierView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CreateTierDto, UpdateTierDto } from './dto/tier.dto';
import { TiersService } from './tiers.service';

@StaffController('tiers', 'admin: tiers', ...CATALOG_WRITERS)
export class TiersAdminController {
  constructor(private readonly tiers: TiersService) {}

  @Get()
  listTiers(): Promise<AdminTierView[]> {
    return this.tiers.listAll();
  }

  @Post()
  createTier(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateTierDto): Promise<AdminTierView> {
    return this.tiers.create(actor, dto);
  }

  @Get(':id')
  getTier(@Param('id', ParseIntPipe) id: number): Promise<AdminTierView> {
    return this.tiers.get(id);
  }

  @Patch(':id')
  updateTier(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTierDto,
  ): Promise<AdminTierView> {
    return this.tiers.update(actor, id, dto);
  }
}
