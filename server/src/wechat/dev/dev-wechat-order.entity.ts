import { Column, Entity, PrimaryColumn } from 'typeorm';
import { codeColumn, moneyColumn } from '../../database/columns';
import type { SimulatedOrderState } from './simulator-store';

/** A WeChat Pay transaction as the dev simulator holds it (dev mode only; live WeChat keeps its own). */
@Entity('dev_wechat_order')
export class DevWechatOrder {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column(codeColumn(64))
  prepayId: string;

  @Column(codeColumn(32))
  appid: string;

  @Column(codeColumn(32))
  mchid: string;

  @Column(codeColumn(127))
  description: string;

  @Column(moneyColumn())
  amountFen: number;

  @Column(codeColumn(128))
  openid: string;

  /** WeChat's own time format (RFC 3339 with +08:00), as the prepay request sent it. */
  @Column(codeColumn(32))
  expiresAt: string;

  @Column(codeColumn(512))
  notifyUrl: string;

  @Column(codeColumn(128))
  attach: string;

  @Column(codeColumn(16))
  state: SimulatedOrderState;

  @Column(codeColumn(32, { nullable: true }))
  transactionId: string | null;

  @Column(codeColumn(32, { nullable: true }))
  successTime: string | null;
}
