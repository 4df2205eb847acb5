import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, timeColumn } from '../database/columns';

/** A WeChat user of the storefront, known by openid. */
@Entity('customer')
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(64))
  openid: string;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Index()
  @Column(codeColumn(64, { default: '' }))
  nickname: string;

  @Index()
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Chosen through 头像昵称填写 (weapp) or a file picker (H5); a /media/ URL of this shop. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  avatarUrl: string | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
