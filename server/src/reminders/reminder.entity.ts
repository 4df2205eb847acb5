import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderStatus } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/**
 * One reminder of one rule for one membership end. The row is the claim: it is inserted (unique per
 * membership, rule and term end) before anything is sent, so no two passes ever send the same reminder.
 * A renewal moves `membership.termEnd`, which makes new (term end, rule) pairs; the old ones never come due again.
 */
@Entity('reminder')
@Index(['membershipId', 'ruleId', 'termEnd'], { unique: true })
@Index(['status', 'claimedAt'])
@Index(['customerId', 'remindedAt'])
@Index(['ruleId', 'status'])
export class Reminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  ruleId: number;

  @Column({ type: 'integer' })
  membershipId: number;

  @Column({ type: 'integer' })
  customerId: number;

  /** The membership's end this reminder is about. */
  @Column(timeColumn())
  termEnd: Date;

  @Column(codeColumn(16))
  status: ReminderStatus;

  /** The pass that owns the claim. */
  @Index()
  @Column(codeColumn(36))
  claimToken: string;

  /** Server clock time of the claim (or of the send attempt once SENDING): the lease runs from here. */
  @Column(timeColumn())
  claimedAt: Date;

  /** Shop time the reminder was delivered or decided (the pass's "now"); conversion counts from here. */
  @Column(timeColumn({ nullable: true }))
  remindedAt: Date | null;

  /** WeChat errcode or INTERRUPTED / TRANSPORT. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  errorCode: string | null;

  /** Shown as a banner in the storefront (no consent credit, or the message failed). */
  @Column({ type: 'boolean', default: false })
  inApp: boolean;

  @Column(timeColumn({ nullable: true }))
  seenAt: Date | null;

  /** The member renewed within the conversion window after this reminder. */
  @Column(timeColumn({ nullable: true }))
  convertedAt: Date | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
