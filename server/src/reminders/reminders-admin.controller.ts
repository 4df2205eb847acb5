import { Body, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type {
  CallListEntry,
  CallOutcomeStats,
  CallRecordView,
  ReminderPreview,
  ReminderRuleStats,
  ReminderRuleView,
  ReminderRunResult,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { CATALOG_WRITERS, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CallListService } from './call-list.service';
import { CallListQueryDto, RecordCallDto } from './dto/call-list.dto';
import { CreateReminderRuleDto, ReminderPreviewDto, UpdateReminderRuleDto } from './dto/reminder-rule.dto';
import { RunRemindersDto } from './dto/run-reminders.dto';
import { ReminderPassRunner } from './reminder-pass-runner';
import { ReminderRulesService } from './reminder-rules.service';
import { ReminderStatsService } from './reminder-stats.service';

/** Every /api/admin/reminders route: the rules, running a pass, their figures and the renewal call list. */
@StaffController('reminders', 'admin: reminders', 'admin', 'operator', 'finance')
export class RemindersAdminController {
  constructor(
    private readonly runner: ReminderPassRunner,
    private readonly stats: ReminderStatsService,
    private readonly calls: CallListService,
    private readonly rules: ReminderRulesService,
  ) {}

  @Get('rules')
  @ApiOperation({
    summary: 'Renewal reminder rules (days before the term end, template, on/off)',
    operationId: 'adminListReminderRules',
  })
  @ApiResponseOf('ReminderRuleView', { isArray: true })
  @Roles(...CATALOG_WRITERS)
  listReminderRules(): Promise<ReminderRuleView[]> {
    return this.rules.list();
  }

  @Post('rules')
  @ApiOperation({ summary: 'Add a renewal reminder rule', operationId: 'adminCreateReminderRule' })
  @ApiResponseOf('ReminderRuleView')
  @Roles(...CATALOG_WRITERS)
  createReminderRule(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() dto: CreateReminderRuleDto,
  ): Promise<ReminderRuleView> {
    return this.rules.create(actor, dto);
  }

  @Post('rules/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What a sample member would receive from these rule fields (subscribe message and in-app)',
    operationId: 'adminPreviewReminderRule',
  })
  @ApiResponseOf('ReminderPreview')
  @Roles(...CATALOG_WRITERS)
  previewReminderRule(@Body() dto: ReminderPreviewDto): Promise<ReminderPreview> {
    return this.rules.preview(dto);
  }

  @Patch('rules/:id')
  @ApiOperation({ summary: 'Change or switch off a renewal reminder rule', operationId: 'adminUpdateReminderRule' })
  @ApiResponseOf('ReminderRuleView')
  @Roles(...CATALOG_WRITERS)
  updateReminderRule(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateReminderRuleDto,
  ): Promise<ReminderRuleView> {
    return this.rules.update(actor, id, dto);
  }

  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Run one reminder pass now (dev mode: as if at body.now)',
    operationId: 'adminRunReminders',
  })
  @ApiResponseOf('ReminderRunResult')
  runReminders(@Body() dto: RunRemindersDto): Promise<ReminderRunResult> {
    return this.runner.runNow(dto.now);
  }

  @Get('stats')
  @ApiOperation({
    summary: 'Per rule: due, sent, failed (by code), skipped for no consent, in-app, seen, converted',
    operationId: 'adminReminderStats',
  })
  @ApiResponseOf('ReminderRuleStats', { isArray: true })
  reminderStats(): Promise<ReminderRuleStats[]> {
    return this.stats.perRule();
  }

  @Get('call-list')
  @Roles('admin', 'operator', 'support')
  @ApiOperation({
    summary: 'Members ending soon with no consent credit or ignored reminders, by spend',
    operationId: 'adminCallList',
  })
  @ApiResponseOf('CallListEntry', { isArray: true })
  callList(@Query() query: CallListQueryDto): Promise<CallListEntry[]> {
    return this.calls.list(query);
  }

  @Post('calls')
  @Roles('admin', 'operator', 'support')
  @ApiOperation({ summary: 'Record the outcome of a renewal call', operationId: 'adminRecordCall' })
  @ApiResponseOf('CallRecordView')
  recordCall(@CurrentStaff() actor: StaffPrincipal, @Body() dto: RecordCallDto): Promise<CallRecordView> {
    return this.calls.record(actor, dto);
  }

  @Get('call-stats')
  @ApiOperation({ summary: 'Calls and renewals within 14 days, per outcome', operationId: 'adminCallStats' })
  @ApiResponseOf('CallOutcomeStats', { isArray: true })
  callStats(): Promise<CallOutcomeStats[]> {
    return this.stats.perCallOutcome();
  }
}
