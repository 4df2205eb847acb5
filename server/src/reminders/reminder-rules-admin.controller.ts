import { Body, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import type { ReminderPreview, ReminderRuleView } from '@member-commerce/shared';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import {
  CreateReminderRuleDto,
  ReminderPreviewDto,
  ReminderPreviewResponseDto,
  UpdateReminderRuleDto,
} from './dto/reminder-rule.dto';
import { ReminderRulesService } from './reminder-rules.service';

@StaffController('reminders/rules', 'admin: reminders', ...CATALOG_WRITERS)
export class ReminderRulesAdminController {
  constructor(private readonly rules: ReminderRulesService) {}

  @Get()
  listReminderRules(): Promise<ReminderRuleView[]> {
    return this.rules.list();
  }

  @Post()
  createReminderRule(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() dto: CreateReminderRuleDto,
  ): Promise<ReminderRuleView> {
    return this.rules.create(actor, dto);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What a sample member would receive from these rule fields (subscribe message and in-app)' })
  @ApiOkResponse({ type: ReminderPreviewResponseDto })
  previewReminderRule(@Body() dto: ReminderPreviewDto): Promise<ReminderPreview> {
    return this.rules.preview(dto);
  }

  @Patch(':id')
  updateReminderRule(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateReminderRuleDto,
  ): Promise<ReminderRuleView> {
    return this.rules.update(actor, id, dto);
  }
}
