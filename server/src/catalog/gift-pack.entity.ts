import type { LifecycleStatus } from '@member-commerce/shared';
import { Column, Entity, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { codeColumn, moneyColumn, timeColumn } from '../database/columns';
import { GiftPackItem } from './gift-pack-item.entity';

/** A named, stock-limited bundle of SKUs: a welcome gift option or a milestone reward. */
@Entity('gift_pack')
export class GiftPack {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(64))
  name: string;

  @Column({ type: 'text' })
  description: string = '';

  /** Declared value, shown to customers and used by the membership refund rule. */
  @Column(moneyColumn())
  valueFen: number;

  /** Standalone selling price (staff-set): allocates a membership fee between this pack and the service (IFRS 15). */
  @Column(moneyColumn({ nullable: true }))
  standaloneFen: number | null;

  @Column({ type: 'integer', default: 0 })
  stock: number;

  @Column({ type: 'varchar', length: 512, nullable: true })
  image: string | null;

  /** Draft → active → archived (shared lifecycle.ts); never deleted once active. */
  @Column(codeColumn(16, { default: 'ACTIVE' }))
  status: LifecycleStatus;

  @Column(timeColumn({ nullable: true }))
  archivedAt: Date | null;

  @OneToMany(() => GiftPackItem, (item) => item.giftPack, { cascade: true })
  items: Relation<GiftPackItem[]>;
}
