import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, ReminderRunResult, WechatMode } from '@member-commerce/shared';
import { forbidden } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RenewalRemindersService } from './renewal-reminders.service';

/** `POST /api/admin/reminders/run`: a pass now, or in dev mode as if at another time. */
@Injectable()
export class ReminderPassRunner {
  constructor(
    private readonly reminders: RenewalRemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  runNow(asOf?: string): Promise<ReminderRunResult> {
    if (asOf === undefined) return this.reminders.runPass();
    if (this.config.wechat.mode !== WechatMode.DEV)
      throw forbidden(ErrorCode.DEV_ONLY, 'Running a pass at another time is only possible in dev mode');
    return this.reminders.runPass(new Date(asOf));
  }
}
