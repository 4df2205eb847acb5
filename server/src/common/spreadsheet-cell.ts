import { stringify, type Options, type Stringifier } from 'csv-stringify';

/** What a spreadsheet reads as the start of a formula (OWASP "CSV Injection"): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-12.50") is shown as a number, never run: it keeps its sign. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Text as a spreadsheet cell that is shown, never evaluated: a value that would start a formula gets a leading
 * apostrophe (Excel and WPS show the text without it). The one rule for every CSV and XLSX the shop writes.
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Reading a file back (an edited price list): the apostrophe spreadsheetSafe added is not part of the value. */
export function fromSpreadsheetCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** csv-stringify for exports: UTF-8 with BOM (Excel), header row, and every text cell through spreadsheetSafe. */
export function safeCsvStringifier(columns: string[], options: Options = {}): Stringifier {
  return stringify({
    header: true,
    columns,
    bom: true,
    ...options,
    cast: { ...options.cast, string: (value) => spreadsheetSafe(value) },
  });
}
