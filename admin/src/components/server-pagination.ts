import type { TablePaginationConfig } from 'antd';

/** Pagination of a table the server pages: where we are, how many there are, and the unit they are counted in. */
export function serverPagination(
  at: { page: number; pageSize: number },
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
  unit = '条',
): TablePaginationConfig {
  return { current: at.page, pageSize: at.pageSize, total, showTotal: (count) => `共 ${count} ${unit}`, onChange };
}
