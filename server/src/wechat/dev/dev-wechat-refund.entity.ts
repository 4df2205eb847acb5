import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { codeColumn, moneyColumn } from '../../database/columns';
import type { SimulatedRefundStatus } from './simulator-store';

/** A refund as the dev simulator holds it (dev mode only). */
@Entity('dev_wechat_refund')
@Index('IDX_dev_wechat_refund_outTradeNo', ['outTradeNo'])
export class DevWechatRefund {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  outRefundNo: string;

  @Column(codeColumn(32))
  outTradeNo: string;

  @Column(codeColumn(32))
  refundId: string;

  @Column(moneyColumn())
  refundFen: number;

  @Column(moneyColumn())
  totalFen: number;

  @Column(codeColumn(16))
  status: SimulatedRefundStatus;

  @Column(codeColumn(32, { nullable: true }))
  successTime: string | null;

  @Column(codeColumn(32))
  createTime: string;
}
