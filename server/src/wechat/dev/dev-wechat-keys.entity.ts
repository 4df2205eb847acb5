import { Column, Entity, PrimaryColumn } from 'typeorm';
import { codeColumn } from '../../database/columns';

/**
 * The dev simulator's secrets, one row generated on first start: every process and every restart then signs
 * and encrypts with the same keys, so notifications for orders created before a restart still verify.
 */
@Entity('dev_wechat_keys')
export class DevWechatKeys {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  name: string;

  @Column(codeColumn(64))
  appSecret: string;

  @Column(codeColumn(64))
  merchantSerial: string;

  @Column(codeColumn(32))
  apiV3Key: string;

  @Column({ type: 'text' })
  merchantPrivateKey: string;

  @Column({ type: 'text' })
  platformPrivateKey: string;
}
