import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, jsonColumn, timeColumn } from '../../database/columns';

/** An `upload_shipping_info` the dev simulator accepted (dev mode only; WeChat keeps its own). */
@Entity('dev_wechat_shipping_upload')
export class DevWechatShippingUpload {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column(codeColumn(32))
  outTradeNo: string;

  @Column(codeColumn(32, { nullable: true }))
  transactionId: string | null;

  @Column({ type: 'integer' })
  logisticsType: number;

  @Column(jsonColumn())
  shippingList: { expressCompany: string; trackingNo: string }[];

  @Column(timeColumn())
  uploadedAt: Date;
}
