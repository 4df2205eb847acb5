import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { codeColumn, jsonColumn, timeColumn } from '../database/columns';
import { Sku } from './sku.entity';

/** Something the shop sells, in one or more SKUs. */
@Entity('product')
export class Product {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(128))
  title: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  subtitle: string;

  @Column({ type: 'text' })
  description: string = '';

  @Index()
  @Column(codeColumn(32))
  category: string;

  @Column(jsonColumn())
  images: string[];

  @Index()
  @Column({ type: 'boolean', default: true })
  onSale: boolean;

  /** Before this instant only active members see and buy the product (priority access). */
  @Column(timeColumn({ nullable: true }))
  publicFrom: Date | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  /** Normalised title and subtitle for `q` search, written with the product's grams (product-search-index.ts). */
  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  searchText: string | null;

  @OneToMany(() => Sku, (sku) => sku.product, { cascade: ['insert'] })
  skus: Relation<Sku[]>;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
