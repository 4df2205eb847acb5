import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { AutoRenewCancelledBy, AutoRenewContractStatus } from '@member-commerce/shared';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';
import { Customer } from '../customers/customer.entity';
import { Tier } from '../membership/tier.entity';

/**
 * A customer's WeChat deduction contract (委托代扣) for renewing one tier at `amountFen`. PENDING_SIGN until WeChat
 * says it was signed, then ACTIVE until the customer (here or in WeChat) or a lapse ends it: CANCELLED.
 */
@Entity('auto_renew_contract')
export class AutoRenewContract {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId' })
  customer: Relation<Customer>;

  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @ManyToOne(() => Tier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tierId' })
  tier: Relation<Tier>;

  /** The tier's auto-renew price when the customer opted in: what every notice and charge of this contract says. */
  @Column(moneyColumn())
  amountFen: number;

  @Index()
  @Column(codeColumn(16))
  status: AutoRenewContractStatus;

  /** Our 商户签约协议号. */
  @Index({ unique: true })
  @Column(codeColumn(32))
  outContractCode: string;

  /** WeChat's 委托代扣协议 id, known once signed. */
  @Index({ unique: true })
  @Column(codeColumn(32, { nullable: true }))
  wechatContractId: string | null;

  /** The customer id while the contract is open (PENDING_SIGN or ACTIVE), else null: one open contract per customer, enforced by the database. */
  @Index({ unique: true })
  @Column({ type: 'integer', nullable: true })
  openKey: number | null;

  @Column(timeColumn({ nullable: true }))
  signedAt: Date | null;

  @Column(timeColumn({ nullable: true }))
  cancelledAt: Date | null;

  @Column(codeColumn(16, { nullable: true }))
  cancelledBy: AutoRenewCancelledBy | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
