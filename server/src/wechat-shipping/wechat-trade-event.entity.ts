import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, jsonColumn, timeColumn } from '../database/columns';

/** A trade-management event WeChat pushed (settlement, confirm-receipt reminders), kept as received. */
@Entity('wechat_trade_event')
@Index(['event', 'transactionId', 'createTime'], { unique: true })
export class WechatTradeEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** e.g. `trade_manage_order_settlement`, `trade_manage_remind_shipping`. */
  @Column(codeColumn(64))
  event: string;

  @Column(codeColumn(32, { default: '' }))
  transactionId: string;

  @Index()
  @Column(codeColumn(32, { nullable: true }))
  outTradeNo: string | null;

  /** WeChat's `CreateTime` (seconds), part of the event's identity: a redelivery is stored once. */
  @Column({ type: 'integer' })
  createTime: number;

  @Column(timeColumn({ nullable: true }))
  confirmReceiveAt: Date | null;

  @Column(timeColumn({ nullable: true }))
  settledAt: Date | null;

  @Column(jsonColumn())
  payload: Record<string, unknown>;

  @CreateDateColumn(timeColumn())
  receivedAt: Date;
}
