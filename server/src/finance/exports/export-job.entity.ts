import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExportJobStatus, FinanceExportQuery } from '@member-commerce/shared';
import { codeColumn, jsonColumn, timeColumn } from '../../database/columns';

/**
 * A finance export written in the background. The row is the job's whole state (status, progress, file), so any
 * API process can report on it; the file itself lives in the export storage under `storageKey`.
 */
@Entity('export_job')
export class ExportJob {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column(codeColumn(16))
  status: ExportJobStatus;

  @Column(jsonColumn())
  query: FinanceExportQuery;

  @Column({ type: 'integer', default: 0 })
  rowsDone: number;

  @Column({ type: 'integer', default: 0 })
  rowsTotal: number;

  @Column(codeColumn(128))
  fileName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  storageKey: string | null;

  @Column({ type: 'integer', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  requestedByStaffId: number;

  @Column(codeColumn(64))
  requestedBy: string;

  @Index()
  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;

  @Column(timeColumn({ nullable: true }))
  finishedAt: Date | null;
}
