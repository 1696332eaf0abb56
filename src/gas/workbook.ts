// The WorkbookPort over SpreadsheetApp: each table read with one grid read and written with one grid write.
import type { SheetFormat, WorkbookPort } from '../app/ports';
import type { Cell, Grid } from '../core/grid';
import { looksLikeFormula } from '../core/names';
import { applySheetFormat, replaceCharts, TEXT_FORMAT } from './sheet-format';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const DAY_MS = 86_400_000;
/** What Utilities.formatDate gives to read a zone's offset at an instant (to the second: old zones have such). */
const PROBE_PATTERN = 'yyyy-MM-dd HH:mm:ss';
const PROBED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Date values as the wall-clock text a cell shows in the spreadsheet's time zone, 'YYYY-MM-DD HH:mm',
 * made with Utilities.formatDate (no parsing of toLocaleString). A visit sheet holds few distinct dates
 * but up to one distinct date-time a row (录入时间), so formatDate is not called per cell: the zone's
 * offset is asked at both ends of each UTC day met (two calls a day), and when it is the same it holds
 * all that day, whose instants are then shifted by it. The instants of a day whose offset changes (a
 * clock change) are each formatted by formatDate.
 */
class WallClock {
  /** UTC day number → the zone's offset that whole day (ms), or null when it changes that day. */
  private readonly offsets = new Map<number, number | null>();
  private readonly texts = new Map<number, string>();

  constructor(private readonly zone: string) {}

  text(instant: Date): string {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) return '';
    let text = this.texts.get(ms);
    if (text === undefined) {
      const offset = this.offsetOfDay(Math.floor(ms / DAY_MS));
      text =
        offset === null ? Utilities.formatDate(instant, this.zone, 'yyyy-MM-dd HH:mm') : shifted(ms + offset);
      this.texts.set(ms, text);
    }
    return text;
  }

  private offsetOfDay(day: number): number | null {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const first = this.offsetAt(day * DAY_MS);
      offset = first === this.offsetAt((day + 1) * DAY_MS - 1000) ? first : null;
      this.offsets.set(day, offset);
    }
    return offset;
  }

  /** The zone's offset at an instant (NaN if formatDate's text is not the expected shape: never shifted). */
  private offsetAt(ms: number): number {
    const m = PROBED.exec(Utilities.formatDate(new Date(ms), this.zone, PROBE_PATTERN));
    if (m === null) return NaN;
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = new Date(0);
    wall.setUTCFullYear(year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    return wall.getTime() - ms;
  }
}

/** An instant already shifted to wall-clock time, read in UTC: 'YYYY-MM-DD HH:mm' (seconds dropped). */
function shifted(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

/** Rows padded to one width: setValues takes rectangles only. */
function rectangle(rows: readonly (readonly Cell[])[], width: number): Cell[][] {
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

function widthOf(rows: readonly (readonly Cell[])[]): number {
  return rows.reduce((max, row) => Math.max(max, row.length), 0);
}

/** Text a spreadsheet would take for a formula (or a number, a date) unless its cell is formatted as text. */
function needsTextFormat(cell: Cell): boolean {
  return typeof cell === 'string' && looksLikeFormula(cell);
}

/**
 * Writes values into a range; cells whose text starts with = + - @ are formatted as text first
 * (two more calls, only when there are such cells), so the person sees exactly the text.
 */
function writeValues(range: Range, values: Cell[][]): void {
  if (values.some((row) => row.some(needsTextFormat))) {
    const formats = range.getNumberFormats();
    values.forEach((row, r) =>
      row.forEach((cell, c) => {
        const line = formats[r];
        if (needsTextFormat(cell) && line !== undefined) line[c] = TEXT_FORMAT;
      }),
    );
    range.setNumberFormats(formats);
  }
  range.setValues(values);
}

/** Rows added at once when an append finds the sheet full. */
const APPEND_HEADROOM = 100;

export class GasWorkbook implements WorkbookPort {
  private cache: Map<string, Sheet> | undefined;
  /** Date values as text, in the spreadsheet's time zone (asked once, when the first date cell is read). */
  private clock: WallClock | undefined;
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();

  constructor(private readonly book: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  /** The sheets by name, listed once per execution (one getSheets, one getName per sheet). */
  private sheets(): Map<string, Sheet> {
    if (this.cache === undefined) {
      this.cache = new Map();
      for (const sheet of this.book.getSheets()) this.cache.set(sheet.getName(), sheet);
    }
    return this.cache;
  }

  /**
   * A sheet by name, asking the spreadsheet again when the listing does not have it: another
   * execution (a save waiting for the lock) may have created it since the listing was made.
   */
  private current(name: string): Sheet | undefined {
    const listed = this.sheets().get(name);
    if (listed !== undefined) return listed;
    const created = this.book.getSheetByName(name) ?? undefined;
    if (created !== undefined) this.sheets().set(name, created);
    return created;
  }

  private sheetOrThrow(name: string): Sheet {
    const sheet = this.sheets().get(name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  /**
   * Grows a sheet so that rows × columns fit (to `rows` rows when it has fewer than `needed`, default `rows`);
   * returns its number of rows.
   */
  private ensureSize(sheet: Sheet, rows: number, columns: number, needed = rows): number {
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    if (columns > 0) {
      const maxColumns = sheet.getMaxColumns();
      if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
    }
    return needed > maxRows ? Math.max(rows, maxRows) : maxRows;
  }

  private format(
    sheet: Sheet,
    format: SheetFormat,
    fresh: boolean,
    maxRows: number,
    written?: Grid,
    range?: Range,
  ): void {
    applySheetFormat(
      {
        book: this.book,
        sheet,
        maxRows,
        fresh,
        rewritten: written !== undefined && !fresh,
        written:
          written && written.length > 0
            ? { rows: written.length, columns: widthOf(written), range }
            : undefined,
        sheetByName: (name) => this.sheets().get(name),
        rules: this.rules,
      },
      format,
    );
  }

  sheetNames(): string[] {
    return [...this.sheets().keys()];
  }

  read(name: string): Grid | undefined {
    const sheet = this.sheets().get(name);
    if (sheet === undefined) return undefined;
    const grid = sheet.getDataRange().getValues() as (Cell | Date)[][];
    return grid.map((row) => row.map((cell) => (cell instanceof Date ? this.wallClock(cell) : cell)));
  }

  /**
   * A date cell as the wall-clock text it shows ('YYYY-MM-DD', or 'YYYY-MM-DD HH:mm' when it has a
   * time). Sheets gives date cells as instants at that wall-clock time in the SPREADSHEET's time
   * zone, which may differ from 设置's; read as text, the calendar date is the one the person typed.
   */
  private wallClock(instant: Date): string {
    this.clock ??= new WallClock(this.book.getSpreadsheetTimeZone());
    const text = this.clock.text(instant);
    return text.endsWith(' 00:00') ? text.slice(0, 10) : text;
  }

  create(name: string, header: Cell[], format: SheetFormat): void {
    if (this.current(name) !== undefined) return;
    const sheet = this.book.insertSheet(name);
    this.sheets().set(name, sheet);
    const maxRows = this.ensureSize(sheet, 2, header.length);
    if (header.length > 0) writeValues(sheet.getRange(1, 1, 1, header.length), [header]);
    this.format(sheet, format, true, maxRows, [header]);
  }

  applyFormat(name: string, format: SheetFormat): void {
    const sheet = this.sheetOrThrow(name);
    this.format(sheet, format, false, sheet.getMaxRows());
  }

  replace(name: string, grid: Grid, format: SheetFormat): void {
    let sheet = this.current(name);
    const fresh = sheet === undefined;
    if (sheet === undefined) {
      sheet = this.book.insertSheet(name);
      this.sheets().set(name, sheet);
    } else {
      sheet.clear();
    }
    const width = widthOf(grid);
    const maxRows = this.ensureSize(sheet, Math.max(grid.length, 2), width);
    // The range written is the one the look is applied to (one getRange for both).
    const range = grid.length > 0 && width > 0 ? sheet.getRange(1, 1, grid.length, width) : undefined;
    if (range !== undefined) writeValues(range, rectangle(grid, width));
    this.format(sheet, format, fresh, maxRows, grid, range);
    // A generated sheet's chart is replaced with its content (clear() leaves charts in place).
    if (format.chart !== undefined || !fresh) replaceCharts(sheet, format.chart);
  }

  append(name: string, rows: Cell[][], lastRow?: number): number {
    const sheet = this.sheetOrThrow(name);
    const first = (lastRow ?? sheet.getLastRow()) + 1;
    const width = widthOf(rows);
    if (rows.length === 0 || width === 0) return first;
    // Grown by at least APPEND_HEADROOM rows at a time: a full sheet does not cost one more call on every save.
    this.ensureSize(sheet, first + Math.max(rows.length, APPEND_HEADROOM) - 1, 0, first + rows.length - 1);
    writeValues(sheet.getRange(first, 1, rows.length, width), rectangle(rows, width));
    return first;
  }

  writeColumn(name: string, column: number, firstRow: number, values: Cell[], notes?: string[]): void {
    if (values.length === 0) return;
    const range = this.sheetOrThrow(name).getRange(firstRow, column + 1, values.length, 1);
    writeValues(
      range,
      values.map((v) => [v]),
    );
    if (notes !== undefined) range.setNotes(values.map((_, i) => [notes[i] ?? '']));
  }

  formulaCells(name: string, column: number, firstRow: number, count: number): boolean[] {
    if (count <= 0) return [];
    const formulas = this.sheetOrThrow(name)
      .getRange(firstRow, column + 1, count, 1)
      .getFormulas();
    return formulas.map((row) => (row[0] ?? '') !== '');
  }

  deleteSheet(name: string): void {
    const sheet = this.sheets().get(name);
    if (sheet === undefined) return;
    this.book.deleteSheet(sheet);
    this.sheets().delete(name);
  }
}
