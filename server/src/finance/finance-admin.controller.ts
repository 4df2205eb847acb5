import { Body, Get, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import { PassThrough } from 'node:stream';
import type { ExportJobView, FinanceReport } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { AuditedDownload } from '../staff/audited-download';
import { StaffController } from '../staff/staff-route.decorator';
import { FinanceExportQueryDto, FinanceReportQueryDto } from './dto/finance-query.dto';
import { ExportJobsService } from './exports/export-jobs.service';
import { FinanceExportService } from './exports/finance-export.service';
import { writeCsv, writeXlsx } from './exports/table-writers';
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

@StaffController('finance', 'admin: finance', 'admin', 'finance')
export class FinanceAdminController {
  constructor(
    private readonly reports: FinanceReportService,
    private readonly exports: FinanceExportService,
    private readonly jobs: ExportJobsService,
  ) {}

  @Get('report')
  @ApiOperation({ summary: 'Monthly deferred-revenue roll-forward per tier (API.md)' })
  getReport(@Query() query: FinanceReportQueryDto): Promise<FinanceReport> {
    return this.reports.report(query.from, query.to, query.tierId);
  }

  @Get('export')
  @ApiOperation({ summary: 'Streams the ledger or monthly report as CSV (UTF-8 with BOM) or XLSX (API.md)' })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
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
  @ApiOperation({ summary: 'Starts a background export; watch it with GET export-jobs/:id' })
  startExportJob(@CurrentStaff() actor: StaffPrincipal, @Body() body: FinanceExportQueryDto): Promise<ExportJobView> {
    return this.jobs.start(actor, body);
  }

  @Get('export-jobs')
  @ApiOperation({ summary: 'The latest export jobs, newest first' })
  listExportJobs(): Promise<ExportJobView[]> {
    return this.jobs.list();
  }

  @Get('export-jobs/:id')
  getExportJob(@Param('id', ParseIntPipe) id: number): Promise<ExportJobView> {
    return this.jobs.get(id);
  }

  @Get('export-jobs/:id/file')
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  @AuditedDownload({ action: 'finance.download', entity: 'export_job' })
  async downloadExportJob(@Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const { job, stream } = await this.jobs.file(id);
    return download(stream, job.fileName, job.query.format);
  }
}
