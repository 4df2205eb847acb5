import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * One INSERT and nothing else: `manager.insert` re-selects every defaulted column (createdAt …) on MariaDB, a second
 * statement per row on hot paths that never read them back. Returns the new row's id (MariaDB `insertId`, SQLite
 * `lastInsertRowid`); the caller fills in whatever defaults it needs itself.
 */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<number> {
  const { raw } = await manager.createQueryBuilder().insert().into(target).values(values).updateEntity(false).execute();
  return Number(
    typeof raw === 'object' && raw !== null && 'insertId' in raw ? (raw as { insertId: number }).insertId : raw,
  );
}
