import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DashboardView, firstDayOfMonth, monthKey, monthOfDay } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { productSales, productSalesTotal } from '../orders/product-sales';
import { FinanceReportService } from '../finance/report/finance-report.service';

const DAY_MS = 86_400_000;
const TOP_PRODUCTS = 5;

/**
 * The overview screen's numbers, each one aggregate query (never a list paged through in the browser).
 * "Renewed" = a paying customer who had paid before; "due" = customers whose paid term ended this month
 * or who renewed this month; renewal rate = renewed ÷ due.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly finance: FinanceReportService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async overview(): Promise<DashboardView> {
    const now = this.clock.now();
    const calendar = this.finance.calendar;
    const month = monthOfDay(calendar.dayOf(now));
    const monthStart = calendar.startOfDay(firstDayOfMonth(month));
    const monthEnd = calendar.startOfDay(firstDayOfMonth(month + 1));
    const at = (date: Date) => this.param(date);
    const count = async (sql: string, params: unknown[]) =>
      Number(((await this.dataSource.query(sql, params)) as { n: number | string }[])[0]?.n ?? 0);

    const activeMembers = await count(
      `SELECT COUNT(DISTINCT t.membershipId) AS n FROM membership_term t JOIN membership m ON m.id = t.membershipId
        WHERE m.status <> 'REVOKED' AND t.source <> 'TRIAL' AND t.start <= ? AND t.\`end\` > ?`,
      [at(now), at(now)],
    );
    const payersThisMonth: { customerId: number; earlier: number | string }[] = await this.dataSource.query(
      `SELECT l.customerId AS customerId,
              (SELECT COUNT(*) FROM ledger_entry e WHERE e.customerId = l.customerId AND e.kind = 'PAYMENT' AND e.occurredAt < ?) AS earlier
         FROM ledger_entry l WHERE l.kind = 'PAYMENT' AND l.occurredAt >= ? AND l.occurredAt < ? GROUP BY l.customerId`,
      [at(monthStart), at(monthStart), at(monthEnd)],
    );
    const renewed = new Set(
      payersThisMonth.filter((row) => Number(row.earlier) > 0).map((row) => Number(row.customerId)),
    );
    const endedThisMonth: { customerId: number }[] = await this.dataSource.query(
      `SELECT DISTINCT m.customerId AS customerId FROM membership_term t JOIN membership m ON m.id = t.membershipId
        WHERE m.status <> 'REVOKED' AND t.orderId IS NOT NULL AND t.\`end\` > t.start AND t.\`end\` >= ? AND t.\`end\` < ?`,
      [at(monthStart), at(monthEnd)],
    );
    const due = new Set([...endedThisMonth.map((row) => Number(row.customerId)), ...renewed]);
    const expiring = (days: number) =>
      count(`SELECT COUNT(*) AS n FROM membership WHERE status = 'ACTIVE' AND termEnd > ? AND termEnd <= ?`, [
        at(now),
        at(new Date(now.getTime() + days * DAY_MS)),
      ]);

    const report = (await this.finance.rollForward()).report(month - 11, month, () => '');
    const revenue = new Map<string, DashboardView['revenueByMonth'][number]>();
    for (let m = month - 11; m <= month; m++)
      revenue.set(monthKey(m), {
        month: monthKey(m),
        billedFen: 0,
        recognisedFen: 0,
        productSalesFen: await productSalesTotal(
          this.dataSource.manager,
          calendar.startOfDay(firstDayOfMonth(m)),
          calendar.startOfDay(firstDayOfMonth(m + 1)),
        ),
      });
    for (const row of report.rows) {
      const bucket = revenue.get(row.month)!;
      bucket.billedFen += row.billedFen - row.refundedFen;
      bucket.recognisedFen += row.recognisedFen;
    }

    const yearAgo = calendar.startOfDay(firstDayOfMonth(month - 11));
    const top = await productSales(this.dataSource.manager, { paidSince: yearAgo, top: TOP_PRODUCTS });

    return {
      month: monthKey(month),
      activeMembers,
      newThisMonth: payersThisMonth.length - renewed.size,
      renewedThisMonth: renewed.size,
      dueThisMonth: due.size,
      renewalRate: due.size ? renewed.size / due.size : null,
      expiringIn7Days: await expiring(7),
      expiringIn30Days: await expiring(30),
      revenueByMonth: [...revenue.values()],
      topProducts: top.map(({ productId, title, unitsSold, salesFen }) => ({
        productId,
        title,
        quantity: unitsSold,
        salesFen,
      })),
    };
  }

  /** SQLite compares datetimes as "YYYY-MM-DD HH:mm:ss.SSS" text; MySQL takes the Date. */
  private param(date: Date): Date | string {
    return this.config.database.type === 'sqlite' ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
  }
}
