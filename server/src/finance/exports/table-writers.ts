import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fenToYuanString } from '@member-commerce/shared';
import { spreadsheetSafe } from '../../common/spreadsheet-cell';

/** `code`: text that never needs CSV quoting (times, order numbers, ids, fixed labels). */
export type CellKind = 'text' | 'code' | 'int' | 'yuan' | 'fen';

/** One column of an export: header (Chinese, as finance reads it), how to show it, and where its value comes from. */
export interface ExportColumn<R> {
  header: string;
  kind: CellKind;
  width?: number;
  value: (row: R) => string | number | null;
}

/** What is being exported: columns, rows (streamed in batches) and an optional last line of totals. */
export interface ExportTable<R> {
  sheetName: string;
  columns: ExportColumn<R>[];
  rows: AsyncIterable<R[]>;
  totals?: () => R | null;
}

export type ProgressListener = (rowsDone: number) => void;

const UTF8_BOM = '\uFEFF';
/** Bytes handed to the response at a time, and room past them for the line that crosses the mark. */
const CHUNK_BYTES = 64 * 1024;
const LINE_ROOM = 16 * 1024;

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** One CSV line per row, built by a loop over precomputed column kinds (this is the export's hot path). */
function csvLine<R>(columns: ExportColumn<R>[]): (row: R) => string {
  const kinds = columns.map((column) => column.kind);
  const values = columns.map((column) => column.value);
  return (row) => {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      const value = values[i](row);
      if (i > 0) line += ',';
      if (value === null || value === undefined) continue;
      const kind = kinds[i];
      line +=
        kind === 'yuan'
          ? fenToYuanString(Number(value))
          : kind === 'text'
            ? csvCell(spreadsheetSafe(String(value)))
            : value;
    }
    return line + '\r\n';
  };
}

/** Resolves when `out` wants more; rejects when it closed first (the client went away), which ends the export. */
function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The export stream closed before the end'));
  return new Promise((resolve, reject) => {
    const onDrain = () => settle(resolve);
    const onClose = () => settle(() => reject(new Error('The export stream closed before the end')));
    const settle = (finish: () => void) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      finish();
    };
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/**
 * CSV bytes in chunks of about CHUNK_BYTES: each line is encoded into the chunk as it is made (one short UTF-8 write),
 * so no long string is ever concatenated, flattened and re-encoded on its way to the socket.
 */
class CsvChunks {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES + LINE_ROOM);
  private used = 0;

  constructor(private readonly out: Writable) {}

  get full(): boolean {
    return this.used >= CHUNK_BYTES;
  }

  add(text: string): void {
    // A UTF-8 byte sequence is at most 3 bytes per UTF-16 unit: make sure the line fits before writing it.
    if (this.used + text.length * 3 > this.chunk.length) {
      if (text.length * 3 > LINE_ROOM) {
        this.addLong(text);
        return;
      }
      this.flushNow();
    }
    this.used += this.chunk.write(text, this.used);
  }

  private addLong(text: string): void {
    this.flushNow();
    this.out.write(Buffer.from(text, 'utf8'));
  }

  /** Hands the chunk to `out` without waiting (its own buffer takes it); returns whether `out` wants more. */
  private flushNow(): boolean {
    if (this.out.destroyed) throw new Error('The export stream closed before the end');
    if (!this.used) return !this.out.writableNeedDrain;
    const ready = this.out.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES + LINE_ROOM);
    this.used = 0;
    return ready;
  }

  /** Writes the chunk and waits while `out` is backed up (the client reads slower than the database answers). */
  async flush(): Promise<void> {
    if (!this.flushNow()) await drained(this.out);
  }
}

/** CSV as Excel opens it: UTF-8 with a BOM, CRLF lines, yuan with two decimals beside the raw fen. */
export async function writeCsv<R>(
  table: ExportTable<R>,
  out: Writable,
  onProgress?: ProgressListener,
): Promise<number> {
  const chunks = new CsvChunks(out);
  chunks.add(UTF8_BOM + table.columns.map((column) => csvCell(column.header)).join(',') + '\r\n');
  let count = 0;
  const line = csvLine(table.columns);
  for await (const rows of table.rows) {
    for (const row of rows) chunks.add(line(row));
    count += rows.length;
    if (chunks.full) {
      await chunks.flush();
      onProgress?.(count);
    }
  }
  const totals = table.totals?.();
  if (totals) chunks.add(line(totals));
  await chunks.flush();
  out.end();
  onProgress?.(count);
  return count;
}

/** Bytes of sheet XML allowed to wait for the zip compressor before rows are held back. */
const MAX_ZIP_BACKLOG = 1024 * 1024;

type BackloggedStream = Writable & { _writableState?: { length: number } };

/**
 * exceljs' sheet stream writes into its zip entry without honouring backpressure, so when compression is slower than
 * the rows arrive the XML piles up in memory (640 MB for a million rows). Wait while that entry is backed up.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const entry = (sheet as unknown as { _stream?: { pipes?: BackloggedStream[] } })._stream?.pipes?.[0];
  while (entry && (entry._writableState?.length ?? 0) > MAX_ZIP_BACKLOG) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => settle(resolve);
      const onClose = () => settle(() => reject(new Error('The export stream closed before the end')));
      const settle = (finish: () => void) => {
        entry.off('drain', onDrain);
        out.off('close', onClose);
        finish();
      };
      entry.once('drain', onDrain);
      out.once('close', onClose);
    });
  }
}

/** XLSX through exceljs' streaming WorkbookWriter: each row is committed (written out) as soon as it is added. */
export async function writeXlsx<R>(
  table: ExportTable<R>,
  out: Writable,
  onProgress?: ProgressListener,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? (column.kind === 'text' || column.kind === 'code' ? 20 : 14),
    ...(column.kind === 'yuan' ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  const cells = (row: R) =>
    table.columns.map((column) => {
      const value = column.value(row);
      if (value === null || value === undefined) return null;
      if (column.kind === 'yuan') return Number(value) / 100;
      if (column.kind === 'text') return spreadsheetSafe(String(value));
      return column.kind === 'code' ? String(value) : Number(value);
    });
  // exceljs gives every cell a style object of its own and looks each one up by its rendered XML; one shared object
  // per column hits its cache instead (a quarter of the export's CPU).
  const styles = sheet.columns.map((column) => ({ ...column.style }));
  const addRow = (values: unknown[]) => {
    const added = sheet.addRow(values);
    for (let i = 0; i < styles.length; i++) added.getCell(i + 1).style = styles[i];
    added.commit();
  };
  let count = 0;
  for await (const rows of table.rows) {
    for (const row of rows) addRow(cells(row));
    count += rows.length;
    // exceljs does not wait for the zip stream: hold the rows back while the output is backed up, or they pile up in memory.
    await zipCaughtUp(sheet, out);
    if (out.writableNeedDrain) await drained(out);
    onProgress?.(count);
  }
  const totals = table.totals?.();
  if (totals) addRow(cells(totals));
  sheet.commit();
  await workbook.commit();
  onProgress?.(count);
  return count;
}
