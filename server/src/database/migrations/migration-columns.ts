import { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Column builders for migrations written with the QueryRunner schema API, so one migration runs on SQLite and
 * MySQL/MariaDB alike. Defaults are SQL literals.
 */
export const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
export const int = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  ...options,
});
export const money = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions =>
  int(name, options);
export const varchar = (
  name: string,
  length: number,
  options: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...options });
export const text = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'text',
  ...options,
});
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue ? 1 : 0,
});
export const time = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  ...options,
});
/** `now()` with milliseconds, as each database spells it. */
export const nowDefault = (queryRunner: QueryRunner): string =>
  queryRunner.connection.driver.options.type === 'mysql'
    ? 'CURRENT_TIMESTAMP(3)'
    : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
export const createdAt = (queryRunner: QueryRunner): TableColumnOptions =>
  time('createdAt', { default: nowDefault(queryRunner) });
export const updatedAt = (queryRunner: QueryRunner): TableColumnOptions =>
  time('updatedAt', { default: nowDefault(queryRunner) });
export const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export const fk = (
  columnName: string,
  referencedTableName: string,
  onDelete: TableForeignKeyOptions['onDelete'],
): TableForeignKeyOptions => ({
  columnNames: [columnName],
  referencedTableName,
  referencedColumnNames: ['id'],
  onDelete,
});
