import { Body, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import type { ReminderRuleView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CreateReminderRuleDto, UpdateReminderRuleDto } from './dto/reminder-rule.dto';
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

  @Patch(':id')
  updateReminderRule(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateReminderRuleDto,
  ): Promise<ReminderRuleView> {
    return this.rules.update(actor, id, dto);
  }
}
