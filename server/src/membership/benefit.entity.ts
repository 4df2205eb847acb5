import type { LifecycleStatus } from '@member-commerce/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BenefitType } from '@member-commerce/shared';
import { codeColumn, jsonColumn, timeColumn } from '../database/columns';

/** A typed membership benefit shown on the tier page with an icon and text. */
@Entity('benefit')
export class Benefit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(32))
  type: BenefitType;

  @Column(codeColumn(64))
  title: string;

  @Column({ type: 'text' })
  description: string = '';

  @Column(codeColumn(32, { default: 'star' }))
  icon: string;

  @Column(jsonColumn({ nullable: true }))
  config: Record<string, unknown> | null;

  /** Draft → active → archived (shared lifecycle.ts); never deleted once active. */
  @Column(codeColumn(16, { default: 'ACTIVE' }))
  status: LifecycleStatus;

  @Column(timeColumn({ nullable: true }))
  archivedAt: Date | null;
}
