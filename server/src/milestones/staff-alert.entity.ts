import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, jsonColumn, timeColumn } from '../database/columns';

export type StaffAlertKind = 'MILESTONE_SPEND_DROPPED' | 'REFUND_BENEFITS_USED';

/** Something staff must look at: e.g. a refund that took a member's spend below a milestone already rewarded. */
@Entity('staff_alert')
@Index(['createdAt'])
export class StaffAlert {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(32))
  kind: StaffAlertKind;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  @Column({ type: 'integer', nullable: true })
  orderId: number | null;

  @Column({ type: 'varchar', length: 255 })
  message: string;

  @Column(jsonColumn({ nullable: true }))
  details: Record<string, unknown> | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @Column(timeColumn({ nullable: true }))
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  resolutionNote: string | null;
}
