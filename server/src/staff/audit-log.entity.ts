import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { codeColumn, jsonColumn, timeColumn } from '../database/columns';

/** Who changed what, with the state before and after. Written in the same transaction as the change. */
@Entity('audit_log')
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer', nullable: true })
  staffId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  staffUsername: string | null;

  @Column(codeColumn(64))
  action: string;

  @Index()
  @Column(codeColumn(32))
  entity: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column(jsonColumn({ nullable: true }))
  before: unknown;

  @Column(jsonColumn({ nullable: true }))
  after: unknown;

  @Index()
  @CreateDateColumn(timeColumn())
  createdAt: Date;
}
