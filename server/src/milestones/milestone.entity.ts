import type { LifecycleStatus } from '@member-commerce/shared';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';
import { GiftPack } from '../catalog/gift-pack.entity';
import { Benefit } from '../membership/benefit.entity';

/** Cumulative counted spend in a term of at least `thresholdFen` unlocks this reward, once per term. */
@Entity('milestone')
export class Milestone {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column(moneyColumn())
  thresholdFen: number;

  @Column(codeColumn(64))
  title: string;

  @Column({ type: 'text' })
  description: string = '';

  /** Draft → active → archived (shared lifecycle.ts); never deleted once active. */
  @Column(codeColumn(16, { default: 'ACTIVE' }))
  status: LifecycleStatus;

  @Column(timeColumn({ nullable: true }))
  archivedAt: Date | null;

  @Index()
  @Column({ type: 'integer', nullable: true })
  giftPackId: number | null;

  @ManyToOne(() => GiftPack, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'giftPackId' })
  giftPack: Relation<GiftPack | null>;

  @ManyToMany(() => Benefit)
  @JoinTable({
    name: 'milestone_benefit',
    joinColumn: { name: 'milestoneId' },
    inverseJoinColumn: { name: 'benefitId' },
  })
  benefits: Relation<Benefit[]>;
}
