import { Body, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
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
  @ApiOperation({ summary: 'Every membership tier, whatever its status', operationId: 'adminListTiers' })
  @ApiResponseOf('AdminTierView', { isArray: true })
  listTiers(): Promise<AdminTierView[]> {
    return this.tiers.listAll();
  }

  @Post()
  @ApiOperation({ summary: 'Create a membership tier (draft)', operationId: 'adminCreateTier' })
  @ApiResponseOf('AdminTierView')
  createTier(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateTierDto): Promise<AdminTierView> {
    return this.tiers.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One membership tier with its benefits and gift packs', operationId: 'adminGetTier' })
  @ApiResponseOf('AdminTierView')
  getTier(@Param('id', ParseIntPipe) id: number): Promise<AdminTierView> {
    return this.tiers.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a tier's price, term, benefits or status", operationId: 'adminUpdateTier' })
  @ApiResponseOf('AdminTierView')
  updateTier(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTierDto,
  ): Promise<AdminTierView> {
    return this.tiers.update(actor, id, dto);
  }
}
