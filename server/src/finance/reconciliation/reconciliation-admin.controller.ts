import { Body, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { PassThrough } from 'node:stream';
import type { ReconciliationMismatch, ReconciliationStatement } from '@member-commerce/shared';
import type { StaffPrincipal } from '../../common/auth-principal';
import { CurrentStaff } from '../../common/current-principal.decorator';
import { StaffController } from '../../staff/staff-route.decorator';
import { ReconciliationExportQueryDto, ReconciliationQueryDto, ResolveMismatchDto } from '../dto/reconciliation.dto';
import { ReconciliationMismatchView, ReconciliationStatementView } from '../dto/reconciliation-views.dto';
import { writeCsv, writeXlsx } from '../exports/table-writers';
import { ShopCalendar } from '../recognition/shop-calendar';
import { reconciliationTable } from './reconciliation-export';
import { ReconciliationService } from './reconciliation.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@StaffController('finance/reconciliation', 'admin: finance', 'admin', 'finance')
export class ReconciliationAdminController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @ApiOperation({
    summary: "A day's reconciliation against WeChat's trade bill: totals, matched count and every mismatch (API.md)",
  })
  @ApiOkResponse({ type: ReconciliationStatementView })
  getStatement(@Query() query: ReconciliationQueryDto): Promise<ReconciliationStatement> {
    return this.reconciliation.statement(query.date);
  }

  @Post('resolutions')
  @ApiOperation({ summary: 'Marks a mismatch of a day resolved, with a note (audited)' })
  @ApiOkResponse({ type: ReconciliationMismatchView })
  resolve(@CurrentStaff() actor: StaffPrincipal, @Body() body: ResolveMismatchDto): Promise<ReconciliationMismatch> {
    return this.reconciliation.resolve(actor, body);
  }

  @Get('export')
  @ApiOperation({ summary: "A day's statement as CSV (UTF-8 with BOM) or XLSX" })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async export(@Query() query: ReconciliationExportQueryDto): Promise<StreamableFile> {
    const statement = await this.reconciliation.statement(query.date);
    const calendar = new ShopCalendar(this.reconciliation.timeZone);
    const table = reconciliationTable(statement, (iso) => calendar.wallClock(new Date(iso)));
    const out = new PassThrough();
    const format = query.format ?? 'csv';
    (format === 'xlsx' ? writeXlsx(table, out) : writeCsv(table, out)).catch((error) => out.destroy(error));
    const fileName = `reconciliation-${statement.date}.${format}`;
    return new StreamableFile(out, { type: CONTENT_TYPES[format], disposition: `attachment; filename="${fileName}"` });
  }
}
