import { Body, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import type { GiftPackView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CreateGiftPackDto, UpdateGiftPackDto } from './dto/gift-pack.dto';
import { GiftPacksService } from './gift-packs.service';

@StaffController('gift-packs', 'admin: gift packs', ...CATALOG_WRITERS)
export class GiftPacksAdminController {
  constructor(private readonly packs: GiftPacksService) {}

  @Get()
  listGiftPacks(): Promise<GiftPackView[]> {
    return this.packs.list();
  }

  @Post()
  createGiftPack(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateGiftPackDto): Promise<GiftPackView> {
    return this.packs.create(actor, dto);
  }

  @Get(':id')
  getGiftPack(@Param('id', ParseIntPipe) id: number): Promise<GiftPackView> {
    return this.packs.get(id);
  }

  @Patch(':id')
  updateGiftPack(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateGiftPackDto,
  ): Promise<GiftPackView> {
    return this.packs.update(actor, id, dto);
  }
}
