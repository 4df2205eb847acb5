import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AdminMemberRow, Page } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { pageWindow } from '../common/dto/page-query.dto';
import { Membership } from '../membership/membership.entity';
import { MemberQueryDto } from './dto/member-query.dto';
import { applyMemberFilters } from './member-filters';
import { toMemberRow } from './member-rows';
import { memberSpend } from './member-spend';

/** The staff member list: filters, paging on the server, spend and savings per member. Read only. */
@Injectable()
export class MembersReadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(query: MemberQueryDto): Promise<Page<AdminMemberRow>> {
    const { page, pageSize, skip } = pageWindow(query);
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const [rows, total] = await this.filtered(manager, query, now)
      .orderBy('m.id', 'DESC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const spend = await memberSpend(
      manager,
      rows.map((row) => row.customerId),
    );
    return {
      items: rows.map((row) => toMemberRow(row, spend.get(row.customerId), now, this.config.shopTimeZone)),
      total,
      page,
      pageSize,
    };
  }

  /** Pages of filtered members after `afterId` (ascending id), with their spend: what the export streams. */
  async batchAfter(query: MemberQueryDto, afterId: number, size: number, now: Date): Promise<AdminMemberRow[]> {
    const manager = this.dataSource.manager;
    const rows = await this.filtered(manager, query, now)
      .andWhere('m.id > :afterId', { afterId })
      .orderBy('m.id', 'ASC')
      .take(size)
      .getMany();
    const spend = await memberSpend(
      manager,
      rows.map((row) => row.customerId),
    );
    return rows.map((row) => toMemberRow(row, spend.get(row.customerId), now, this.config.shopTimeZone));
  }

  private filtered(manager: EntityManager, query: MemberQueryDto, now: Date): SelectQueryBuilder<Membership> {
    const qb = manager
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndSelect('m.customer', 'c')
      .innerJoinAndSelect('m.tier', 't');
    return applyMemberFilters(qb, query, now);
  }
}
