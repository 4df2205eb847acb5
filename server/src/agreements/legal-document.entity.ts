import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LegalDocumentKind } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/**
 * One version of a text customers accept (member agreement, user agreement, privacy guide). Versions are never
 * edited: staff save a new one, and a membership order keeps the version its buyer accepted.
 */
@Entity('legal_document')
@Index(['kind', 'version'], { unique: true })
export class LegalDocument {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(24))
  kind: LegalDocumentKind;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'text' })
  content: string;

  @Column(codeColumn(64))
  createdBy: string;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
