import { EntityManager, In } from 'typeorm';

/**
 * The codes of the tiers with these ids, read from the tier table: price lists name tiers by id, and the
 * catalogue does not depend on the membership feature for that.
 */
export async function tierCodes(manager: EntityManager, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select(['t.id AS id', 't.code AS code'])
    .from('tier', 't')
    .where({ id: In([...new Set(ids)]) })
    .getRawMany<{ id: number | string; code: string }>();
  return new Map(rows.map((row) => [Number(row.id), row.code]));
}
