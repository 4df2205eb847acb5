import { parse } from 'csv-parse/sync';
import { ErrorCode, PRICE_LIST_COLUMNS } from '@member-commerce/shared';
import { badRequest } from '../common/domain-error';
import { fromSpreadsheetCell } from '../common/spreadsheet-cell';

/** One data row of an imported price list, as text. */
export interface PriceListFileRow {
  line: number;
  skuCode: string;
  tierCode: string;
  memberPrice: string;
}

const MAX_PRICE_LIST_ROWS = 20_000;
export const PRICE_LIST_HEADER = Object.values(PRICE_LIST_COLUMNS);

/** Parses the CSV text (a leading BOM is fine); a missing column or an unreadable file is a 400 for the whole file. */
export function parsePriceListCsv(csv: string): PriceListFileRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw badRequest(ErrorCode.PRICE_LIST_INVALID, `The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw badRequest(ErrorCode.PRICE_LIST_INVALID, 'The file is empty');
  const index = (name: string) => header.indexOf(name);
  const columns = {
    sku: index(PRICE_LIST_COLUMNS.skuCode),
    tier: index(PRICE_LIST_COLUMNS.tierCode),
    price: index(PRICE_LIST_COLUMNS.memberPrice),
  };
  const missing = Object.entries({
    [PRICE_LIST_COLUMNS.skuCode]: columns.sku,
    [PRICE_LIST_COLUMNS.tierCode]: columns.tier,
    [PRICE_LIST_COLUMNS.memberPrice]: columns.price,
  })
    .filter(([, at]) => at < 0)
    .map(([name]) => name);
  if (missing.length)
    throw badRequest(ErrorCode.PRICE_LIST_INVALID, `Missing columns: ${missing.join(', ')}`, { missing });
  if (rows.length > MAX_PRICE_LIST_ROWS)
    throw badRequest(ErrorCode.PRICE_LIST_INVALID, `At most ${MAX_PRICE_LIST_ROWS} rows per file`);
  return rows.map((cells, i) => ({
    line: i + 2,
    // The export neutralises cells for spreadsheets (a code may start with '-'); the apostrophe is not the code.
    skuCode: fromSpreadsheetCell(cells[columns.sku] ?? ''),
    tierCode: fromSpreadsheetCell(cells[columns.tier] ?? ''),
    memberPrice: cells[columns.price] ?? '',
  }));
}
