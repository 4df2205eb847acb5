import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StaffRole } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/** A staff account of the admin app. */
@Entity('staff_user')
export class StaffUser {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(codeColumn(64))
  username: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column(codeColumn(16))
  role: StaffRole;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Tokens issued before this are refused. */
  @Column(timeColumn({ nullable: true }))
  passwordChangedAt: Date | null;

  /** An admin reset the password: its owner must choose their own at the next login. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
