import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, jsonColumn, timeColumn } from '../../database/columns';

/** A subscribe message the dev simulator received (staff see the log in dev). */
@Entity('dev_wechat_message')
export class DevWechatMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(128))
  openid: string;

  @Column(codeColumn(64))
  templateId: string;

  @Column(codeColumn(255, { nullable: true }))
  page: string | null;

  @Column(jsonColumn())
  data: Record<string, { value: string }>;

  @Column(codeColumn(16, { nullable: true }))
  miniprogramState: 'developer' | 'trial' | 'formal' | null;

  @Column({ type: 'integer' })
  errcode: number;

  @Column(timeColumn())
  sentAt: Date;
}
