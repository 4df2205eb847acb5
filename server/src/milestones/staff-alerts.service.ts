import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffAlertView } from '@member-commerce/shared';
import { StaffAlert } from './staff-alert.entity';

/** Alerts for staff, newest first. */
@Injectable()
export class StaffAlertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recent(limit = 200): Promise<StaffAlertView[]> {
    const rows = await this.dataSource.manager.find(StaffAlert, { order: { id: 'DESC' }, take: limit });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      customerId: row.customerId,
      orderId: row.orderId,
      message: row.message,
      details: row.details,
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
    }));
  }
}
