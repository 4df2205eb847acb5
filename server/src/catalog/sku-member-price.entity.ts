import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { moneyColumn } from '../database/columns';
import { Sku } from './sku.entity';

/** One line of a tier's price list: members of `tierId` pay `priceFen` for this SKU. */
@Entity('sku_member_price')
@Index(['skuId', 'tierId'], { unique: true })
export class SkuMemberPrice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  skuId: number;

  @ManyToOne(() => Sku, (sku) => sku.memberPrices, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skuId' })
  sku: Relation<Sku>;

  /** The tier (membership feature); the foreign key (ON DELETE CASCADE) is in the migration. */
  @Index()
  @Column({ type: 'integer' })
  tierId: number;

  @Column(moneyColumn())
  priceFen: number;
}
