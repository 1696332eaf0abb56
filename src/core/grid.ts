// A sheet's grid (header row plus data rows) read into rows keyed by column, by header text.
import { TABLES, type TableKey } from './tables';
import { zh } from './i18n/zh';
import { en } from './i18n/en';

/**
 * One cell as an adapter gives it. A date cell arrives as its wall-clock ISO text ('YYYY-MM-DD', or
 * 'YYYY-MM-DD HH:mm' when it holds a time): Apps Script formats its Date values in the spreadsheet's
 * time zone, .xlsx turns its serial numbers into text. No instant ever reaches the engine.
 */
export type Cell = string | number | boolean | null;
export type Grid = Cell[][];

export interface TableRow {
  /** The sheet's row number (the header is row 1). */
  readonly row: number;
  /** Cells by column key; a column the sheet lacks is absent. */
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface DuplicatedColumn {
  readonly key: string;
  readonly header: string;
  readonly first: number;
  readonly second: number;
}

export interface ParsedTable {
  readonly table: TableKey;
  /** The sheet's name as found in the workbook. */
  readonly sheet: string;
  /** Header text as found, by column key. */
  readonly headers: Readonly<Record<string, string>>;
  /** 0-based column index by column key. */
  readonly columnIndex: Readonly<Record<string, number>>;
  /** Required column keys not found. */
  readonly missing: readonly string[];
  /** Header texts found that are no column of the table. */
  readonly unknown: readonly string[];
  /**
   * Columns found twice (two 情况记录): the column key, the second header as written, and both 0-based
   * indexes. Only the first is read, so the workbook is wrongly shaped until one of them goes.
   */
  readonly duplicated: readonly DuplicatedColumn[];
  /**
   * The data rows that hold something, in sheet order: the grid's own row arrays, not copied (read a
   * cell with `cellAt(line, columnIndex[key])`). Nothing is built per row, so a sheet of 100k rows
   * leaves no garbage.
   */
  readonly lines: readonly (readonly Cell[])[];
  /** The sheet's row number of each of `lines`. */
  readonly rowNumbers: readonly number[];
  /** The same rows with their cells keyed by column, built on first use (not by the engine's checks). */
  readonly rows: readonly TableRow[];
}

/** The cell of a row at a column's index (null when the sheet lacks the column: no index). */
export function cellAt(line: readonly Cell[], index: number | undefined): Cell {
  return index === undefined ? null : (line[index] ?? null);
}

function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** Finds the column key a header text stands for, in either language. */
export function columnOfHeader(table: TableKey, header: string): string | undefined {
  const wanted = headerKey(header);
  if (wanted === '') return undefined;
  const zhCols = zh.columns[table] as Record<string, string>;
  const enCols = en.columns[table] as Record<string, string>;
  return TABLES[table].columns.find(
    (c) => headerKey(zhCols[c.key] ?? '') === wanted || headerKey(enCols[c.key] ?? '') === wanted,
  )?.key;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function hasContent(cell: Cell | undefined): boolean {
  if (typeof cell === 'string') return cell.length > 0 && cell.trim() !== '';
  return cell !== null && cell !== undefined;
}

/** Reads a grid by its header row; empty rows are skipped, row numbers are kept. */
export function parseGrid(table: TableKey, sheet: string, grid: Grid): ParsedTable {
  const headerRow = grid[0] ?? [];
  const headers: Record<string, string> = {};
  const columnIndex: Record<string, number> = {};
  const unknown: string[] = [];
  const duplicated: DuplicatedColumn[] = [];
  headerRow.forEach((cell, index) => {
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    if (text === '') return;
    const key = columnOfHeader(table, text);
    const first = key === undefined ? undefined : columnIndex[key];
    if (key === undefined) unknown.push(text);
    else if (first === undefined) {
      columnIndex[key] = index;
      headers[key] = text;
    } else duplicated.push({ key, header: text, first, second: index });
  });
  const missing = TABLES[table].columns
    .filter((c) => c.required && !(c.key in columnIndex))
    .map((c) => c.key);
  // A row is read when a column of the table other than 校验 holds something.
  const content = Object.entries(columnIndex)
    .filter(([key]) => key !== 'check')
    .map(([, index]) => index);
  const lines: (readonly Cell[])[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < grid.length; r++) {
    const line = grid[r];
    if (line === undefined) continue;
    for (const index of content) {
      if (hasContent(line[index])) {
        lines.push(line);
        rowNumbers.push(r + 1);
        break;
      }
    }
  }
  let rows: TableRow[] | undefined;
  const columns = Object.entries(columnIndex);
  return {
    table,
    sheet,
    headers,
    columnIndex,
    missing,
    unknown,
    duplicated,
    lines,
    rowNumbers,
    get rows(): readonly TableRow[] {
      rows ??= lines.map((line, i) => {
        const cells: Record<string, Cell> = {};
        for (const [key, index] of columns) cells[key] = line[index] ?? null;
        return { row: rowNumbers[i] ?? 0, cells };
      });
      return rows;
    },
  };
}

/** A cell as trimmed text ('' for empty); numbers and booleans as written. */
export function cellText(cell: Cell | undefined): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}
