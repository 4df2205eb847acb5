import { Body, Get, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiFileResponse, ApiResponseOf } from '../openapi/api-response.decorator';
import { PassThrough } from 'node:stream';
import {
  type ExportJobView,
  type FinanceReport,
  type ReconciliationMismatch,
  type ReconciliationStatement,
  ShopCalendar,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { AuditedDownload } from '../staff/audited-download';
import { StaffController } from '../staff/staff-route.decorator';
import { FinanceExportQueryDto, FinanceReportQueryDto } from './dto/finance-query.dto';
import { ReconciliationExportQueryDto, ReconciliationQueryDto, ResolveMismatchDto } from './dto/reconciliation.dto';
import { ExportJobsService } from './exports/export-jobs.service';
import { FinanceExportService } from './exports/finance-export.service';
import { writeCsv, writeXlsx } from './exports/table-writers';
import { reconciliationTable } from './reconciliation/reconciliation-export';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { FinanceReportService } from './report/finance-report.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const download = (stream: NodeJS.ReadableStream | PassThrough, fileName: string, format: 'csv' | 'xlsx') =>
  new StreamableFile(stream as PassThrough, {
    type: CONTENT_TYPES[format],
    disposition: `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });

/** Every /api/admin/finance route: the report, exports and export jobs, and the daily reconciliation with WeChat. */
@StaffController('finance', 'admin: finance', 'admin', 'finance')
export class FinanceAdminController {
  constructor(
    private readonly reports: FinanceReportService,
    private readonly exports: FinanceExportService,
    private readonly jobs: ExportJobsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Get('report')
  @ApiOperation({ summary: 'Monthly deferred-revenue roll-forward per tier', operationId: 'adminGetReport' })
  @ApiResponseOf('FinanceReport')
  getReport(@Query() query: FinanceReportQueryDto): Promise<FinanceReport> {
    return this.reports.report(query.from, query.to, query.tierId);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Streams the ledger or monthly report as CSV (UTF-8 with BOM) or XLSX',
    operationId: 'adminExportFile',
  })
  @ApiFileResponse(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  @AuditedDownload({ action: 'finance.download', entity: 'export_job' })
  async exportFile(@Query() query: FinanceExportQueryDto): Promise<StreamableFile> {
    const request = this.exports.validate(query);
    const table = await this.exports.table(request);
    const out = new PassThrough();
    const written = request.format === 'xlsx' ? writeXlsx(table, out) : writeCsv(table, out);
    written.catch((error) => out.destroy(error));
    return download(out, this.exports.fileName(request), request.format);
  }

  @Post('export-jobs')
  @ApiOperation({
    summary: 'Starts a background export; watch it with GET export-jobs/:id',
    operationId: 'adminStartExportJob',
  })
  @ApiResponseOf('ExportJobView')
  startExportJob(@CurrentStaff() actor: StaffPrincipal, @Body() body: FinanceExportQueryDto): Promise<ExportJobView> {
    return this.jobs.start(actor, body);
  }

  @Get('export-jobs')
  @ApiOperation({ summary: 'The latest export jobs, newest first', operationId: 'adminListExportJobs' })
  @ApiResponseOf('ExportJobView', { isArray: true })
  listExportJobs(): Promise<ExportJobView[]> {
    return this.jobs.list();
  }

  @Get('export-jobs/:id')
  @ApiOperation({ summary: 'One export job and its progress', operationId: 'adminGetExportJob' })
  @ApiResponseOf('ExportJobView')
  getExportJob(@Param('id', ParseIntPipe) id: number): Promise<ExportJobView> {
    return this.jobs.get(id);
  }

  @Get('export-jobs/:id/file')
  @ApiOperation({ summary: "A finished export job's file (CSV or XLSX)", operationId: 'adminDownloadExportJob' })
  @ApiFileResponse(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  @AuditedDownload({ action: 'finance.download', entity: 'export_job' })
  async downloadExportJob(@Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const { job, stream } = await this.jobs.file(id);
    return download(stream, job.fileName, job.query.format);
  }

  @Get('reconciliation')
  @ApiOperation({
    summary: "A day's reconciliation against WeChat's trade bill: totals, matched count and every mismatch",
    operationId: 'adminGetReconciliationStatement',
  })
  @ApiResponseOf('ReconciliationStatement')
  getReconciliationStatement(@Query() query: ReconciliationQueryDto): Promise<ReconciliationStatement> {
    return this.reconciliation.statement(query.date);
  }

  @Post('reconciliation/resolutions')
  @ApiOperation({
    summary: 'Marks a mismatch of a day resolved, with a note (audited)',
    operationId: 'adminResolveReconciliationMismatch',
  })
  @ApiResponseOf('ReconciliationMismatch')
  resolveReconciliationMismatch(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() body: ResolveMismatchDto,
  ): Promise<ReconciliationMismatch> {
    return this.reconciliation.resolve(actor, body);
  }

  @Get('reconciliation/export')
  @ApiOperation({
    summary: "A day's statement as CSV (UTF-8 with BOM) or XLSX",
    operationId: 'adminExportReconciliation',
  })
  @ApiFileResponse(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async exportReconciliation(@Query() query: ReconciliationExportQueryDto): Promise<StreamableFile> {
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
