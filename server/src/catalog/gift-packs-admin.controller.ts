import { Body, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
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
  @ApiOperation({ summary: 'List gift packs with their items and stock', operationId: 'adminListGiftPacks' })
  @ApiResponseOf('GiftPackView', { isArray: true })
  listGiftPacks(): Promise<GiftPackView[]> {
    return this.packs.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a gift pack', operationId: 'adminCreateGiftPack' })
  @ApiResponseOf('GiftPackView')
  createGiftPack(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateGiftPackDto): Promise<GiftPackView> {
    return this.packs.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One gift pack with its items', operationId: 'adminGetGiftPack' })
  @ApiResponseOf('GiftPackView')
  getGiftPack(@Param('id', ParseIntPipe) id: number): Promise<GiftPackView> {
    return this.packs.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a gift pack (name, items, stock, lifecycle)', operationId: 'adminUpdateGiftPack' })
  @ApiResponseOf('GiftPackView')
  updateGiftPack(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateGiftPackDto,
  ): Promise<GiftPackView> {
    return this.packs.update(actor, id, dto);
  }
}
