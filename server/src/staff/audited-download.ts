import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../common/auth-principal';
import { Transactions } from '../database/transactions';
import { AuditService } from './audit.service';

interface DownloadAudit {
  action: string;
  entity: string;
}

const DOWNLOAD_AUDIT = 'downloadAudit';

/** Writes the audit row of a staff download of customer data (who, what, with which filter) before the file streams. */
@Injectable()
export class AuditedDownloadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const entry = this.reflector.get<DownloadAudit>(DOWNLOAD_AUDIT, context.getHandler());
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { query?: object; params?: Record<string, string> }>();
    const staff = request.staff;
    if (!entry || !staff) return next.handle();
    const params = request.params ?? {};
    const record = this.transactions.run((manager) =>
      this.audit.record(manager, staff, {
        ...entry,
        entityId: params.id ?? null,
        after: { ...(request.query ?? {}), ...params },
      }),
    );
    return from(record).pipe(switchMap(() => next.handle()));
  }
}

/** Every download of customer data goes to the audit log. Give the action as `{ action, entity }`. */
export const AuditedDownload = (entry: DownloadAudit) =>
  applyDecorators(SetMetadata(DOWNLOAD_AUDIT, entry), UseInterceptors(AuditedDownloadInterceptor));
