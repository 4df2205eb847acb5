import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AdminMemberRow, fenToYuanString, formatShopDateTime } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MemberQueryDto } from './dto/member-query.dto';
import { MembersReadService } from './members-read.service';
import { safeCsvStringifier } from '../common/spreadsheet-cell';

const BATCH = 500;
const STATUS_TEXT: Record<AdminMemberRow['status'], string> = {
  NONE: '非会员',
  ACTIVE: '有效',
  EXPIRED: '已过期',
  REVOKED: '已撤销',
};
const HEADER = [
  '会员编号',
  '顾客编号',
  '昵称',
  '手机号',
  '会员卡',
  '状态',
  '到期时间',
  '剩余天数',
  '历史总消费(元)',
  '累计节省(元)',
];

/** The filtered member list as CSV (UTF-8 with BOM), read and written in batches so memory stays flat. */
@Injectable()
export class MembersExportService {
  constructor(
    private readonly members: MembersReadService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  export(query: MemberQueryDto): Readable {
    const csv = safeCsvStringifier(HEADER);
    Readable.from(this.rows(query))
      .on('error', (error) => csv.destroy(error))
      .pipe(csv);
    return csv;
  }

  private async *rows(query: MemberQueryDto): AsyncGenerator<string[]> {
    const now = this.clock.now();
    let afterId = 0;
    for (;;) {
      const batch = await this.members.batchAfter(query, afterId, BATCH, now);
      if (!batch.length) return;
      for (const member of batch) yield this.toCells(member);
      afterId = batch[batch.length - 1].membershipId;
    }
  }

  private toCells(member: AdminMemberRow): string[] {
    return [
      String(member.membershipId),
      String(member.customerId),
      member.nickname,
      member.phone ?? '',
      member.tier.name,
      STATUS_TEXT[member.status],
      formatShopDateTime(member.termEnd, this.config.shopTimeZone),
      String(member.daysLeft),
      fenToYuanString(member.spendFen),
      fenToYuanString(member.savingsFen),
    ];
  }
}
