import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientConfig, HealthResponse } from '@member-commerce/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReminderRulesService } from '../reminders/reminder-rules.service';

@ApiTags('system')
@Controller()
export class SystemController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminderRules: ReminderRulesService,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness and database reachability', operationId: 'health' })
  @ApiResponseOf('HealthResponse')
  async health(): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch {
      return { status: 'degraded', db: 'down' };
    }
  }

  @Get('client-config')
  @ApiOperation({ summary: 'What the storefront needs to know before it talks to WeChat', operationId: 'clientConfig' })
  @ApiResponseOf('ClientConfig')
  async clientConfig(): Promise<ClientConfig> {
    // WeChat asks consent for at most three templates at once.
    return {
      wechatMode: this.config.wechat.mode,
      subscribeTemplateIds: (await this.reminderRules.templateIds()).slice(0, 3),
      shopTimeZone: this.config.shopTimeZone,
    };
  }
}
