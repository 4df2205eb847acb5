import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { QueryResult } from 'typeorm/query-runner/QueryResult';

/**
 * Statements for hot paths, by the entities' own metadata: TypeORM's value conversion both ways (JSON, dates,
 * booleans, transformers) without its query builders, whose SQL building and result mapping cost more CPU per
 * order than anything else the API adds to a raw server (docs/benchmarks.md). The text of each statement shape
 * is built once. Nothing is re-read: a defaulted column a write does not set takes its database default.
 */
type Values<T> = { [K in keyof T]?: T[K] | null };
/** Equality per column; an array means one of its values. */
type RowFilter<T> = { [K in keyof T]?: T[K] | readonly T[K][] };

/** One entity's rows to read along with more in one statement: its table under `alias`, and a WHERE over that alias. */
export interface RowRead<T extends ObjectLiteral> {
  target: EntityTarget<T>;
  alias: string;
  where: string;
  params: unknown[];
}

const statements = new Map<string, string>();

/** One INSERT of one row; returns its id. */
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
  if (rows.length === 0) throw new Error(`No ${metadata.name} rows to insert`);
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
  // MariaDB answers with the first row's id, SQLite with the last one's.
  if (typeof raw === 'object' && raw !== null && 'insertId' in raw) return Number(raw.insertId);
  return Number(raw) - (rows.length - 1);
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
  const filter = filterOf(manager, metadata, where);
  const key = `${manager.connection.options.type} update ${metadata.tableName} ${setColumns.map((c) => c.propertyName)} where ${filter.shape}`;
  const sql = cached(key, () => {
    const assignments = setColumns.map((column) => `${escape(manager, column.databaseName)} = ?`).join(', ');
    return `UPDATE ${escape(manager, metadata.tableName)} SET ${assignments} WHERE ${filter.sql()}`;
  });
  const params = [
    ...setColumns.map((column) => persisted(manager, column, set[column.propertyName])),
    ...filter.params,
  ];
  return (await runStatement(manager, sql, params)).affected ?? 0;
}

/** The rows matching `where`, one table, one statement. */
export async function findRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: RowFilter<T>,
): Promise<T[]> {
  const metadata = manager.connection.getMetadata(target);
  const filter = filterOf(manager, metadata, where);
  const sql = cached(`${manager.connection.options.type} find ${metadata.tableName} where ${filter.shape}`, () => {
    const table = escape(manager, metadata.tableName);
    return `SELECT ${columnsOf(manager, target, 'r')} FROM ${table} ${escape(manager, 'r')} WHERE ${filter.sql()}`;
  });
  const { records } = await runStatement(manager, sql, filter.params);
  return records.map((row: Record<string, unknown>) => fromRow(manager, target, 'r', row)!);
}

/** A WHERE of equalities (IN for an array, IS NULL for null): its shape (to key the statement), text and values. */
function filterOf(manager: EntityManager, metadata: EntityMetadata, where: ObjectLiteral) {
  for (const key of Object.keys(where))
    if (where[key] === undefined || !metadata.findColumnWithPropertyName(key))
      throw new Error(`${metadata.name}.${key}: a filter compares defined column values only`);
  const filters = writtenColumns(metadata, where).map((column) => ({
    column,
    value: where[column.propertyName] as unknown,
  }));
  return {
    shape: filters
      .map(({ column, value }) =>
        Array.isArray(value)
          ? `${column.propertyName}[${value.length}]`
          : value === null
            ? `${column.propertyName}=null`
            : column.propertyName,
      )
      .join(),
    sql: () =>
      filters
        .map(({ column, value }) => {
          const name = escape(manager, column.databaseName);
          if (value === null) return `${name} IS NULL`;
          return Array.isArray(value) ? `${name} IN (${value.map(() => '?').join(', ')})` : `${name} = ?`;
        })
        .join(' AND '),
    params: filters.flatMap(({ column, value }) =>
      value === null ? [] : (Array.isArray(value) ? value : [value]).map((one) => persisted(manager, column, one)),
    ),
  };
}

/** An entity's table, quoted for this database. */
export function tableOf(manager: EntityManager, target: EntityTarget<ObjectLiteral>): string {
  return escape(manager, manager.connection.getMetadata(target).tableName);
}

/** The SELECT list of all of an entity's columns under `alias`, each named `alias_property` (read back by `fromRow`). */
export function columnsOf(manager: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = manager.connection.getMetadata(target);
  return cached(`${manager.connection.options.type} columns ${metadata.tableName} ${alias}`, () =>
    metadata.columns
      .map(
        (column) =>
          `${escape(manager, alias)}.${escape(manager, column.databaseName)} AS ${escape(manager, `${alias}_${column.propertyName}`)}`,
      )
      .join(', '),
  );
}

/** The entity a row selected with `columnsOf(…, alias)` holds; undefined where an outer join found none. */
export function fromRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  alias: string,
  row: Record<string, unknown>,
): T | undefined {
  const metadata = manager.connection.getMetadata(target);
  if (metadata.primaryColumns.every((column) => row[`${alias}_${column.propertyName}`] == null)) return undefined;
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = row[`${alias}_${column.propertyName}`];
    column.setEntityValue(entity, manager.connection.driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/** A value compared with an entity's column, as that column stores it (a time on SQLite is text). */
export function asColumn<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  return persisted(manager, manager.connection.getMetadata(target).findColumnWithPropertyName(property)!, value);
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
