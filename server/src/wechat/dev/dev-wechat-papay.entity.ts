import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, moneyColumn } from '../../database/columns';
import type { SimulatedPapayContract } from './papay-store';

/** A deduction contract as the dev simulator holds it (dev mode only; live WeChat keeps its own). */
@Entity('dev_wechat_papay_contract')
export class DevWechatPapayContract {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  outContractCode: string;

  @Column(codeColumn(64))
  preEntrustwebId: string;

  @Index({ unique: true })
  @Column(codeColumn(32, { nullable: true }))
  contractId: string | null;

  @Column({ type: 'integer' })
  planId: number;

  @Column(codeColumn(32))
  appid: string;

  @Column(codeColumn(32))
  mchid: string;

  @Column(codeColumn(128))
  openid: string;

  @Column(codeColumn(32))
  displayAccount: string;

  @Column(codeColumn(512))
  notifyUrl: string;

  @Column(codeColumn(16))
  state: SimulatedPapayContract['state'];

  @Column(codeColumn(32, { nullable: true }))
  signedAt: string | null;

  @Column(codeColumn(32, { nullable: true }))
  terminatedAt: string | null;

  @Column({ type: 'boolean', default: false })
  failCharges: boolean;
}

/** A pre-deduction notice the dev simulator showed the user. */
@Entity('dev_wechat_papay_notice')
export class DevWechatPapayNotice {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column(codeColumn(32))
  contractId: string;

  @Column(moneyColumn())
  amountFen: number;

  @Column({ type: 'integer' })
  durationDays: number;

  @Column(codeColumn(32))
  sentAt: string;
}
