import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogFacets, AuditLogView, ErrorCode, Page, parseIsoDate, shopDayStart } from '@member-commerce/shared';
import { badRequest } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { auditEntityNames } from './audit-entity-names';
import { AuditLog } from './audit-log.entity';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

/** The audit log as staff read it: filtered by who, what, which target and which shop days, newest first. */
@Injectable()
export class AuditLogReader {
  constructor(
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(query: AuditLogQueryDto): Promise<Page<AuditLogView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.logs.createQueryBuilder('a').orderBy('a.id', 'DESC').skip(skip).take(pageSize);
    if (query.staffUsername) qb.andWhere('a.staffUsername = :staff', { staff: query.staffUsername });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    const from = query.from ? this.shopDayStart(query.from) : undefined;
    const to = query.to ? this.shopDayStart(query.to, 1) : undefined;
    if (from && to && from >= to) throw badRequest(ErrorCode.VALIDATION_FAILED, 'from must not be after to');
    if (from) qb.andWhere('a.createdAt >= :from', { from });
    if (to) qb.andWhere('a.createdAt < :to', { to });
    const [rows, total] = await qb.getManyAndCount();
    const names = await auditEntityNames(this.logs.manager, rows);
    const items = rows.map((row) => ({
      ...row,
      entityName: names.get(`${row.entity}:${row.entityId}`) ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
    return { items, total, page, pageSize };
  }

  async facets(): Promise<AuditLogFacets> {
    const distinct = async (column: 'staffUsername' | 'action' | 'entity') =>
      (
        await this.logs
          .createQueryBuilder('a')
          .select(`DISTINCT a.${column}`, 'value')
          .where(`a.${column} IS NOT NULL`)
          .orderBy('value')
          .getRawMany<{ value: string }>()
      ).map((row) => row.value);
    return {
      staffUsernames: await distinct('staffUsername'),
      actions: await distinct('action'),
      entities: await distinct('entity'),
    };
  }

  private shopDayStart(day: string, plusDays = 0): Date {
    if (parseIsoDate(day) === null) throw badRequest(ErrorCode.VALIDATION_FAILED, `${day} is not a calendar day`);
    return shopDayStart(day, this.config.shopTimeZone, plusDays);
  }
}
