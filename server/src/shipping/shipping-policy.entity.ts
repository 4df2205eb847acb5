import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { moneyColumn, timeColumn } from '../database/columns';

/** The shop's one shipping policy (row id 1): a flat fee per order, waived from a goods amount up. */
@Entity('shipping_policy')
export class ShippingPolicy {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column(moneyColumn())
  flatFeeFen: number;

  /** null: no threshold, only members with FREE_SHIPPING ship free. */
  @Column(moneyColumn({ nullable: true }))
  freeAboveFen: number | null;

  @UpdateDateColumn(timeColumn())
  updatedAt: Date;
}
