import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { QueryResult } from 'typeorm/query-runner/QueryResult';

/**
 * Single-table writes for hot paths, by the entity's own metadata: TypeORM's value conversion (JSON, dates,
 * booleans, transformers) without its query builders, whose SQL building and result mapping cost more CPU per
 * order than anything else the API adds to a raw server. The text of each statement shape is built once.
 * Nothing is re-read: a defaulted column the caller did not set takes its database default.
 */
type Values<T> = { [K in keyof T]?: T[K] | null };
/** Equality per column; an array means one of its values. */
export type RowFilter<T> = { [K in keyof T]?: T[K] | readonly T[K][] };

const statements = new Map<string, string>();

/** One INSERT of one row; returns its id (MariaDB `insertId`, SQLite `lastInsertRowid`). */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: Values<T>,
): Promise<number> {
  return insertRows(manager, target, [values]);
}

/**
 * One INSERT of several rows with the same columns; returns the first row's id. The rows get consecutive ids
 * on both databases (a single multi-row INSERT), as TypeORM's own insert assumes.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Values<T>[],
): Promise<number> {
  const metadata = manager.connection.getMetadata(target);
  const columns = writtenColumns(metadata, rows[0]);
  const names = columns.map((column) => column.propertyName);
  if (
    rows.some(
      (row) =>
        writtenColumns(metadata, row)
          .map((column) => column.propertyName)
          .join() !== names.join(),
    )
  )
    throw new Error(`Rows of one ${metadata.name} INSERT must set the same columns`);
  const key = `${manager.connection.options.type} insert ${metadata.tableName} ${rows.length} ${names}`;
  const sql = cached(key, () => {
    const list = columns.map((column) => escape(manager, column.databaseName)).join(', ');
    const row = `(${columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${escape(manager, metadata.tableName)} (${list}) VALUES ${Array(rows.length).fill(row).join(', ')}`;
  });
  const params = rows.flatMap((row) => columns.map((column) => persisted(manager, column, row[column.propertyName])));
  const { raw } = await runStatement(manager, sql, params);
  return Number(typeof raw === 'object' && raw !== null && 'insertId' in raw ? raw.insertId : raw);
}

/**
 * One INSERT that, where a row with the same `conflict` columns exists (a unique index), sets that row's `update`
 * columns to the new values instead.
 */
export async function upsertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: Values<T>,
  conflict: (keyof T & string)[],
  update: (keyof T & string)[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const columns = writtenColumns(metadata, values);
  const type = manager.connection.options.type;
  const key = `${type} upsert ${metadata.tableName} ${columns.map((c) => c.propertyName)} on ${conflict} set ${update}`;
  const sql = cached(key, () => {
    const name = (property: string) => escape(manager, metadata.findColumnWithPropertyName(property)!.databaseName);
    const insert = `INSERT INTO ${escape(manager, metadata.tableName)} (${columns.map((c) => escape(manager, c.databaseName)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    return type === 'better-sqlite3'
      ? `${insert} ON CONFLICT (${conflict.map(name).join(', ')}) DO UPDATE SET ${update.map((p) => `${name(p)} = excluded.${name(p)}`).join(', ')}`
      : `${insert} ON DUPLICATE KEY UPDATE ${update.map((p) => `${name(p)} = VALUES(${name(p)})`).join(', ')}`;
  });
  await runStatement(
    manager,
    sql,
    columns.map((column) => persisted(manager, column, values[column.propertyName])),
  );
}

/** One UPDATE of the rows matching `where`; returns how many rows it changed. */
export async function updateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: RowFilter<T>,
  set: Values<T>,
): Promise<number> {
  const metadata = manager.connection.getMetadata(target);
  const setColumns = writtenColumns(metadata, set);
  const filters = writtenColumns(metadata, where).map((column) => ({
    column,
    value: where[column.propertyName] as unknown,
  }));
  const shape = filters.map(({ column, value }) =>
    Array.isArray(value)
      ? `${column.propertyName}[${value.length}]`
      : value === null
        ? `${column.propertyName}=null`
        : column.propertyName,
  );
  const key = `${manager.connection.options.type} update ${metadata.tableName} ${setColumns.map((c) => c.propertyName)} where ${shape}`;
  const sql = cached(key, () => {
    const assignments = setColumns.map((column) => `${escape(manager, column.databaseName)} = ?`).join(', ');
    const conditions = filters.map(({ column, value }) => {
      const name = escape(manager, column.databaseName);
      if (value === null) return `${name} IS NULL`;
      return Array.isArray(value) ? `${name} IN (${value.map(() => '?').join(', ')})` : `${name} = ?`;
    });
    return `UPDATE ${escape(manager, metadata.tableName)} SET ${assignments} WHERE ${conditions.join(' AND ')}`;
  });
  const params = [
    ...setColumns.map((column) => persisted(manager, column, set[column.propertyName])),
    ...filters.flatMap(({ column, value }) =>
      value === null ? [] : (Array.isArray(value) ? value : [value]).map((one) => persisted(manager, column, one)),
    ),
  ];
  return (await runStatement(manager, sql, params)).affected ?? 0;
}

/** The columns `values` sets, in the entity's column order; a relation's objects (an order's lines) are not columns. */
function writtenColumns(metadata: EntityMetadata, values: ObjectLiteral): ColumnMetadata[] {
  const columns = metadata.columns.filter((column) => values[column.propertyName] !== undefined);
  for (const key of Object.keys(values)) {
    if (values[key] === undefined || columns.some((column) => column.propertyName === key)) continue;
    const relation = metadata.findRelationWithPropertyPath(key);
    if (!relation || relation.isOneToMany || relation.isManyToMany) continue;
    throw new Error(`${metadata.name}.${key} is a relation: write its id column instead`);
  }
  if (columns.length === 0) throw new Error(`Nothing to write to ${metadata.name}`);
  return columns;
}

function persisted(manager: EntityManager, column: ColumnMetadata, value: unknown): unknown {
  return manager.connection.driver.preparePersistentValue(value, column);
}

function escape(manager: EntityManager, name: string): string {
  return manager.connection.driver.escape(name);
}

function cached(key: string, build: () => string): string {
  let sql = statements.get(key);
  if (sql === undefined) statements.set(key, (sql = build()));
  return sql;
}

/** One statement on the manager's own connection (its transaction), else on a pooled one: rows, affected count, raw. */
export async function runStatement(manager: EntityManager, sql: string, params: unknown[]): Promise<QueryResult> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return (await runner.query(sql, params, true)) as QueryResult;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
