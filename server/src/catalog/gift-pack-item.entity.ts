import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { GiftPack } from './gift-pack.entity';
import { Sku } from './sku.entity';

/** `quantity` of one SKU inside a gift pack. */
@Entity('gift_pack_item')
export class GiftPackItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  giftPackId: number;

  @ManyToOne(() => GiftPack, (pack) => pack.items, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'giftPackId' })
  giftPack: Relation<GiftPack>;

  @Index()
  @Column({ type: 'integer' })
  skuId: number;

  @ManyToOne(() => Sku, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skuId' })
  sku: Relation<Sku>;

  @Column({ type: 'integer' })
  quantity: number;
}
