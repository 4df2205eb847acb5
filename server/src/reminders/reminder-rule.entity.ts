import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReminderRuleKind } from '@member-commerce/shared';
import { codeColumn, jsonColumn, timeColumn } from '../database/columns';

/** When and what to remind: N days before (negative) or after (positive) a membership's end. Staff-editable, audited. */
@Entity('reminder_rule')
export class ReminderRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'integer' })
  offsetDays: number;

  /** null: the shop's renewal template (WECHAT_RENEWAL_TEMPLATE_ID). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 255 })
  page: string;

  @Column(jsonColumn())
  fields: Record<string, string>;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** RENEWAL: sent `offsetDays` from the term end; GRACE: sent once when an auto-renew charge failed (宽限期). */
  @Column(codeColumn(16, { default: 'RENEWAL' }))
  kind: ReminderRuleKind;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
