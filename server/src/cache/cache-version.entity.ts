import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per cached area: bumped in the transaction of every write that changes what the area caches. */
@Entity('cache_version')
export class CacheVersion {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  area: string;

  @Column({ type: 'integer', default: 0 })
  version: number;
}
