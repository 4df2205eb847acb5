import { Body, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MilestoneView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CreateMilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@StaffController('milestones', 'admin: milestones', ...CATALOG_WRITERS)
export class MilestonesAdminController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @ApiOperation({ summary: 'Spend milestones and their gifts', operationId: 'adminListMilestones' })
  @ApiResponseOf('MilestoneView', { isArray: true })
  listMilestones(): Promise<MilestoneView[]> {
    return this.milestones.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a spend milestone', operationId: 'adminCreateMilestone' })
  @ApiResponseOf('MilestoneView')
  createMilestone(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateMilestoneDto): Promise<MilestoneView> {
    return this.milestones.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a spend milestone', operationId: 'adminUpdateMilestone' })
  @ApiResponseOf('MilestoneView')
  updateMilestone(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateMilestoneDto,
  ): Promise<MilestoneView> {
    return this.milestones.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a spend milestone', operationId: 'adminDeleteMilestone' })
  @ApiNoContentResponse()
  @HttpCode(204)
  deleteMilestone(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.milestones.remove(actor, id);
  }
}
