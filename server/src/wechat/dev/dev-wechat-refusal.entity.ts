import { Entity, PrimaryColumn } from 'typeorm';

/** A dev user whose subscribe messages the simulator answers with 43101 (consent used up). */
@Entity('dev_wechat_refusal')
export class DevWechatRefusal {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  openid: string;
}
