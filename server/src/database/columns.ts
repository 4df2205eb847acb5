import { ColumnOptions } from 'typeorm';

/**
 * Column shapes that mean the same on SQLite and MySQL. Times are UTC `datetime(3)`; money is integer fen.
 */
export const moneyColumn = (options: ColumnOptions = {}): ColumnOptions => ({ type: 'integer', ...options });
export const timeColumn = (options: ColumnOptions = {}): ColumnOptions => ({
  type: 'datetime',
  precision: 3,
  ...options,
});
export const codeColumn = (length = 32, options: ColumnOptions = {}): ColumnOptions => ({
  type: 'varchar',
  length,
  ...options,
});
export const jsonColumn = (options: ColumnOptions = {}): ColumnOptions => ({ type: 'simple-json', ...options });
