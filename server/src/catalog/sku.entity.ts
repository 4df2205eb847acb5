import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { codeColumn, jsonColumn, moneyColumn } from '../database/columns';
import { Product } from './product.entity';
import { SkuMemberPrice } from './sku-member-price.entity';

/** A purchasable variant with its own list price and stock. */
@Entity('sku')
export class Sku {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  productId: number;

  @ManyToOne(() => Product, (product) => product.skus, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'productId' })
  product: Relation<Product>;

  @Index({ unique: true })
  @Column(codeColumn(64))
  code: string;

  @Column(codeColumn(64))
  name: string;

  @Column(moneyColumn())
  listPriceFen: number;

  @Column({ type: 'integer', default: 0 })
  stock: number;

  /** This variant's own pictures, shown when it is picked (null or empty: the product's pictures). */
  @Column(jsonColumn({ nullable: true }))
  images: string[] | null;

  @OneToMany(() => SkuMemberPrice, (price) => price.sku, { cascade: ['insert'] })
  memberPrices: Relation<SkuMemberPrice[]>;
}
