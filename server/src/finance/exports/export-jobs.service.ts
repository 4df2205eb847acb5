import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { finished } from 'node:stream/promises';
import { DataSource, In, LessThan } from 'typeorm';
import { ErrorCode, ExportJobStatus, ExportJobView, FinanceExportQuery } from '@member-commerce/shared';
import type { StaffPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../../staff/audit.service';
import { ExportJob } from './export-job.entity';
import { ExportStorage } from './export-storage';
import { FinanceExportService } from './finance-export.service';
import { writeCsv, writeXlsx } from './table-writers';

/** Progress is written at most this often, which also serves as the job's heartbeat. */
const PROGRESS_EVERY_MS = 500;
/** A RUNNING job silent for this long died with its process. */
const STALE_AFTER_MS = 5 * 60_000;
const LIST_SIZE = 20;

const toExportJobView = (job: ExportJob): ExportJobView => ({
  id: job.id,
  status: job.status,
  query: job.query,
  rowsDone: job.rowsDone,
  rowsTotal: job.rowsTotal,
  fileName: job.fileName,
  sizeBytes: job.sizeBytes,
  error: job.error,
  requestedBy: job.requestedBy,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/**
 * Large finance exports in the background: a job row is created, claimed and run by this process, and reports
 * rows done / total in the database so any process can answer "how far"; the file goes to ExportStorage.
 */
@Injectable()
export class ExportJobsService implements OnModuleInit {
  private readonly logger = new Logger(ExportJobsService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly exports: FinanceExportService,
    private readonly storage: ExportStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Jobs left RUNNING or QUEUED by a process that stopped are marked FAILED (they would never finish). */
  async onModuleInit(): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(
        ExportJob,
        {
          status: In([ExportJobStatus.RUNNING, ExportJobStatus.QUEUED]),
          updatedAt: LessThan(new Date(Date.now() - STALE_AFTER_MS)),
        },
        { status: ExportJobStatus.FAILED, error: '导出进程已停止，请重新导出', finishedAt: new Date() },
      ),
    );
  }

  async start(actor: StaffPrincipal, query: FinanceExportQuery): Promise<ExportJobView> {
    const request = this.exports.validate(query);
    const job = await this.transactions.run(async (manager) => {
      const created = await manager.save(
        manager.create(ExportJob, {
          status: ExportJobStatus.QUEUED,
          query: {
            from: request.from,
            to: request.to,
            format: request.format,
            report: request.report,
            ...(request.tierId ? { tierId: request.tierId } : {}),
          },
          rowsDone: 0,
          rowsTotal: 0,
          fileName: this.exports.fileName(request),
          storageKey: null,
          sizeBytes: null,
          error: null,
          requestedByStaffId: actor.staffId,
          requestedBy: actor.username,
          finishedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'finance.export',
        entity: 'export_job',
        entityId: created.id,
        after: created.query,
      });
      return created;
    });
    const run = this.run(job.id).finally(() => this.running.delete(run));
    this.running.add(run);
    return toExportJobView(job);
  }

  async list(): Promise<ExportJobView[]> {
    const jobs = await this.dataSource.getRepository(ExportJob).find({ order: { id: 'DESC' }, take: LIST_SIZE });
    return jobs.map(toExportJobView);
  }

  async get(id: number): Promise<ExportJobView> {
    return toExportJobView(await this.getOrThrow(id));
  }

  /** The finished file, or 409 EXPORT_NOT_READY while it is being written. */
  async file(id: number): Promise<{ job: ExportJob; stream: NodeJS.ReadableStream }> {
    const job = await this.getOrThrow(id);
    if (job.status !== ExportJobStatus.DONE || !job.storageKey)
      throw conflict(ErrorCode.EXPORT_NOT_READY, `Export ${id} is ${job.status}`);
    return { job, stream: this.storage.openRead(job.storageKey) };
  }

  /** Waits for the jobs this process is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Writes go through Transactions: on SQLite a bare update would join whatever transaction holds the one connection. */
  private update(id: number, changes: Partial<ExportJob>, where: Partial<ExportJob> = {}) {
    return this.transactions.run((manager) => manager.update(ExportJob, { id, ...where }, changes));
  }

  private async run(id: number): Promise<void> {
    const repository = this.dataSource.getRepository(ExportJob);
    const claimed = await this.update(id, { status: ExportJobStatus.RUNNING }, { status: ExportJobStatus.QUEUED });
    if (!claimed.affected) return;
    const job = await repository.findOneByOrFail({ id });
    const storageKey = `export-${job.id}-${job.fileName}`;
    try {
      const request = this.exports.validate(job.query);
      const rowsTotal = await this.exports.countRows(request);
      await this.update(id, { rowsTotal });
      let lastWrite = 0;
      let pending: Promise<unknown> = Promise.resolve();
      const onProgress = (rowsDone: number) => {
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        pending = pending.then(() => this.update(id, { rowsDone }));
      };
      const out = this.storage.openWrite(storageKey);
      const table = await this.exports.table(request);
      const rowsDone = await (request.format === 'xlsx'
        ? writeXlsx(table, out, onProgress)
        : writeCsv(table, out, onProgress));
      await finished(out);
      await pending;
      await this.update(id, {
        status: ExportJobStatus.DONE,
        rowsDone,
        rowsTotal: Math.max(rowsTotal, rowsDone),
        storageKey,
        sizeBytes: await this.storage.size(storageKey),
        finishedAt: this.clock.now(),
      });
    } catch (error) {
      this.logger.error(`Export job ${id} failed: ${(error as Error).message}`);
      await this.storage.remove(storageKey);
      await this.update(id, {
        status: ExportJobStatus.FAILED,
        error: (error as Error).message.slice(0, 500),
        finishedAt: this.clock.now(),
      });
    }
  }

  private async getOrThrow(id: number): Promise<ExportJob> {
    const job = await this.dataSource.getRepository(ExportJob).findOneBy({ id });
    if (!job) throw notFound(ErrorCode.EXPORT_JOB_NOT_FOUND, `No export job ${id}`);
    return job;
  }
}
