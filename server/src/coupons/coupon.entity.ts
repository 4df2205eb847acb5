import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CouponStatus } from '@member-commerce/shared';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';

/**
 * A coupon a member holds, issued by a tier's COUPON benefit for one term (at activation, and per term month
 * when the benefit says so). `issueKey` is unique, so issuing is idempotent however often the job runs.
 */
@Entity('coupon')
@Index(['customerId', 'status'])
@Index(['status', 'validTo'])
export class Coupon {
  @PrimaryGeneratedColumn()
  id: number;

  /** "B<benefit>:T<term>:M<month>:<n>" */
  @Index({ unique: true })
  @Column(codeColumn(64))
  issueKey: string;

  @Column({ type: 'integer' })
  customerId: number;

  @Index()
  @Column({ type: 'integer' })
  termId: number;

  @Column({ type: 'integer' })
  benefitId: number;

  @Column(codeColumn(64))
  title: string;

  @Column(moneyColumn())
  amountFen: number;

  @Column(moneyColumn())
  thresholdFen: number;

  @Column(timeColumn())
  validFrom: Date;

  @Column(timeColumn())
  validTo: Date;

  @Column(codeColumn(16))
  status: CouponStatus;

  /** The order it is locked to (unpaid) or was used on (paid). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  orderId: number | null;

  @Column(moneyColumn({ default: 0 }))
  discountFen: number;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
