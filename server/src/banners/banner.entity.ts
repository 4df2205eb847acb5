import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BannerLinkType } from '@member-commerce/shared';
import { codeColumn, timeColumn } from '../database/columns';

/** A staff-managed picture on the storefront's home page, shown within its active window. */
@Entity('banner')
export class Banner {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(codeColumn(64))
  title: string;

  @Column(codeColumn(500))
  image: string;

  @Column(codeColumn(16))
  linkType: BannerLinkType;

  /** Product id, category name or page path, by `linkType`. */
  @Column(codeColumn(255, { default: '' }))
  linkTarget: string;

  @Index()
  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column(timeColumn({ nullable: true }))
  activeFrom: Date | null;

  @Column(timeColumn({ nullable: true }))
  activeTo: Date | null;

  @CreateDateColumn(timeColumn())
  createdAt: Date;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
