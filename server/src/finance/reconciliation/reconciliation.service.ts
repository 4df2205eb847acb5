import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  ReconciliationMismatch,
  ReconciliationStatement,
  ResolveMismatchRequest,
  WechatMode,
  isoDateOfDay,
  parseIsoDate,
  ShopCalendar,
} from '@member-commerce/shared';
import { isUniqueViolation } from '../../common/api-exception.filter';
import type { StaffPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { badRequest, conflict, DomainError, notFound } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../../staff/audit.service';
import { WechatApiError } from '../../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../../wechat/wechat-gateway';
import { ourTransactions } from './our-transactions';
import { reconcile, Reconciliation } from './reconcile';
import { ReconciliationResolution } from './reconciliation-resolution.entity';
import { ReconciliationStatementRecord } from './reconciliation-statement.entity';

/**
 * Daily reconciliation against WeChat's trade bill (docs/finance.md "Reconciliation"). The daily job stores each
 * finished day once; any other day is computed when asked (in dev mode from the simulator, today included).
 * Resolutions are kept per (day, kind, reference) and laid over the statement when it is read.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private readonly calendar: ShopCalendar;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.calendar = new ShopCalendar(config.shopTimeZone);
  }

  get timeZone(): string {
    return this.config.shopTimeZone;
  }

  /** The shop-calendar day before today, as YYYY-MM-DD. */
  yesterday(): string {
    return isoDateOfDay(this.calendar.dayOf(this.clock.now()) - 1);
  }

  async statement(date: string): Promise<ReconciliationStatement> {
    this.checkDate(date);
    const stored = await this.dataSource.getRepository(ReconciliationStatementRecord).findOneBy({ date });
    const result: Reconciliation & { storedAt?: string } = stored
      ? {
          totals: { wechatFen: stored.wechatFen, oursFen: stored.oursFen },
          matched: stored.matched,
          mismatches: stored.mismatches,
          storedAt: stored.createdAt.toISOString(),
        }
      : await this.computeOnRequest(date);
    const resolutions = await this.dataSource.getRepository(ReconciliationResolution).findBy({ date });
    const resolved = new Map(
      resolutions.map((resolution) => [`${resolution.kind}:${resolution.reference}`, resolution]),
    );
    const mismatches: ReconciliationMismatch[] = result.mismatches.map((mismatch) => {
      const resolution = resolved.get(`${mismatch.kind}:${mismatch.reference}`);
      return resolution
        ? {
            ...mismatch,
            resolvedAt: resolution.resolvedAt.toISOString(),
            resolvedBy: resolution.resolvedBy,
            note: resolution.note,
          }
        : mismatch;
    });
    return {
      date,
      totals: result.totals,
      matched: result.matched,
      mismatches,
      ...(result.storedAt ? { storedAt: result.storedAt } : {}),
    };
  }

  /** The daily job: stores `date`'s statement once (a second process or run finds it stored). Returns whether it wrote. */
  async store(date: string): Promise<boolean> {
    if (await this.dataSource.getRepository(ReconciliationStatementRecord).existsBy({ date })) return false;
    const result = await this.compute(date);
    try {
      await this.transactions.run((manager) =>
        manager.insert(ReconciliationStatementRecord, {
          date,
          wechatFen: result.totals.wechatFen,
          oursFen: result.totals.oursFen,
          matched: result.matched,
          mismatches: result.mismatches,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    if (result.mismatches.length) this.logger.warn(`Reconciliation ${date}: ${result.mismatches.length} mismatches`);
    return true;
  }

  /** Closes a mismatch of the day's statement with a note (audited); 404 when the statement has no such mismatch. */
  async resolve(actor: StaffPrincipal, input: ResolveMismatchRequest): Promise<ReconciliationMismatch> {
    const statement = await this.statement(input.date);
    const mismatch = statement.mismatches.find(
      (candidate) => candidate.kind === input.kind && candidate.reference === input.reference,
    );
    if (!mismatch)
      throw notFound(
        ErrorCode.RECONCILIATION_MISMATCH_NOT_FOUND,
        `No ${input.kind} mismatch ${input.reference} on ${input.date}`,
      );
    if (mismatch.resolvedAt)
      throw conflict(
        ErrorCode.RECONCILIATION_ALREADY_RESOLVED,
        `${input.reference} was resolved at ${mismatch.resolvedAt}`,
      );
    const resolvedAt = this.clock.now();
    try {
      await this.transactions.run(async (manager) => {
        const row = await manager.save(
          manager.create(ReconciliationResolution, {
            date: input.date,
            kind: input.kind,
            reference: input.reference,
            note: input.note,
            resolvedByStaffId: actor.staffId,
            resolvedBy: actor.username,
            resolvedAt,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'finance.reconciliation.resolve',
          entity: 'reconciliation_resolution',
          entityId: row.id,
          before: mismatch,
          after: { note: input.note },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(ErrorCode.RECONCILIATION_ALREADY_RESOLVED, `${input.reference} was resolved meanwhile`);
      throw error;
    }
    return { ...mismatch, resolvedAt: resolvedAt.toISOString(), resolvedBy: actor.username, note: input.note };
  }

  private computeOnRequest(date: string): Promise<Reconciliation> {
    const today = this.calendar.dayOf(this.clock.now());
    if (this.config.wechat.mode === WechatMode.LIVE && today - parseIsoDate(date)! > 90)
      throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'WeChat keeps trade bills for three months');
    return this.compute(date);
  }

  private async compute(date: string): Promise<Reconciliation> {
    const day = parseIsoDate(date)!;
    const bill = await this.downloadBill(date);
    const ours = await ourTransactions(
      this.dataSource,
      this.calendar.startOfDay(day),
      this.calendar.startOfDay(day + 1),
      bill,
    );
    return reconcile(bill, ours);
  }

  private async downloadBill(date: string) {
    try {
      return (await this.wechat.downloadTradeBill(date)).rows;
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      // WeChat has not produced the bill yet (it does after 10:00 the next day) or could not be reached / vouched for.
      const notYet = error.status >= 400 && error.status < 500;
      throw new DomainError(
        ErrorCode.WECHAT_BILL_UNAVAILABLE,
        `WeChat's ${date} bill is not available: ${error.message}`,
        notYet ? HttpStatus.CONFLICT : HttpStatus.BAD_GATEWAY,
      );
    }
  }

  /** A real day, not in the future; in live mode before today (WeChat bills a day once it is over). */
  private checkDate(date: string): void {
    const day = parseIsoDate(date ?? '');
    if (day === null) throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'date must be a day as YYYY-MM-DD');
    const today = this.calendar.dayOf(this.clock.now());
    const lastBillable = this.config.wechat.mode === WechatMode.DEV ? today : today - 1;
    if (day > lastBillable)
      throw badRequest(
        ErrorCode.INVALID_DATE_RANGE,
        `No bill for ${date} yet: the last day that can be reconciled is ${isoDateOfDay(lastBillable)}`,
      );
  }
}
