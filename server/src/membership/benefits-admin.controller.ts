import { Body, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { BenefitView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { BenefitsService } from './benefits.service';
import { CreateBenefitDto, UpdateBenefitDto } from './dto/benefit.dto';

@StaffController('benefits', 'admin: benefits', ...CATALOG_WRITERS)
export class BenefitsAdminController {
  constructor(private readonly benefits: BenefitsService) {}

  @Get()
  @ApiOperation({ summary: 'Member benefits with their configuration', operationId: 'adminListBenefits' })
  @ApiResponseOf('BenefitView', { isArray: true })
  listBenefits(): Promise<BenefitView[]> {
    return this.benefits.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a member benefit', operationId: 'adminCreateBenefit' })
  @ApiResponseOf('BenefitView')
  createBenefit(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateBenefitDto): Promise<BenefitView> {
    return this.benefits.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a member benefit', operationId: 'adminUpdateBenefit' })
  @ApiResponseOf('BenefitView')
  updateBenefit(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateBenefitDto,
  ): Promise<BenefitView> {
    return this.benefits.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a benefit no tier uses', operationId: 'adminDeleteBenefit' })
  @ApiNoContentResponse()
  @HttpCode(204)
  deleteBenefit(@CurrentStaff() actor: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.benefits.remove(actor, id);
  }
}
