// The uncounted storage behind a fake sheet: cells, notes, formats, validations, colours; tests seed and inspect it.
import { instantOf } from './zone';

/** A value as Apps Script gives it: empty cells are ''. */
export type FakeValue = string | number | boolean | Date;

export interface CellData {
  value: FakeValue;
  /** The formula text when Sheets took the written text for a formula ('' otherwise). */
  formula: string;
  note: string;
  numberFormat: string;
  validation: unknown;
  background: string;
  fontWeight: string;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_FORMAT = 'General';
export const DEFAULT_BACKGROUND = '#ffffff';

function blank(): CellData {
  return {
    value: '',
    formula: '',
    note: '',
    numberFormat: DEFAULT_FORMAT,
    validation: null,
    background: DEFAULT_BACKGROUND,
    fontWeight: 'normal',
  };
}

const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * What Sheets stores when a script writes a value with setValues, as it does for typed input:
 * text in a cell formatted '@' stays text; otherwise '=…' (and '+x', '-x', '@x' that are no number)
 * becomes a formula (here an error value), number text becomes a number, and 'YYYY-MM-DD[ HH:mm]'
 * becomes a date at that wall-clock time in the spreadsheet's time zone.
 */
export function storedValue(
  written: unknown,
  numberFormat: string,
  timeZone: string,
): { value: FakeValue; formula: string } {
  if (written === null || written === undefined) return { value: '', formula: '' };
  if (written instanceof Date) return { value: new Date(written.getTime()), formula: '' };
  if (typeof written === 'number' || typeof written === 'boolean') return { value: written, formula: '' };
  const text = String(written);
  if (numberFormat === '@') return { value: text, formula: '' };
  if (NUMBER_TEXT.test(text)) return { value: Number(text), formula: '' };
  if (/^[=+\-@]/u.test(text) && text.length > 1) return { value: '#ERROR!', formula: text };
  const date = ISO_DATE_TEXT.exec(text);
  const real =
    date !== null && new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!)).getUTCDate() === +date[3]!;
  if (date && real && +date[2]! >= 1 && +date[2]! <= 12) {
    const [hour, minute, second] = [date[4], date[5], date[6]].map((part) => Number(part ?? 0));
    return { value: instantOf(timeZone, +date[1]!, +date[2]!, +date[3]!, hour, minute, second), formula: '' };
  }
  return { value: text, formula: '' };
}

function copy(value: FakeValue): FakeValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

export class SheetStore {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  private rows: (CellData | undefined)[][] = [];

  constructor(readonly timeZone: () => string) {}

  /** The cell at 1-based (row, column), created if needed. */
  cell(row: number, column: number): CellData {
    const line = (this.rows[row - 1] ??= []);
    return (line[column - 1] ??= blank());
  }

  /** The cell at 1-based (row, column) without creating it. */
  peek(row: number, column: number): CellData | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if ((this.rows[r - 1] ?? []).some((c) => c !== undefined && (c.value !== '' || c.formula !== '')))
        return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      for (let c = (line ?? []).length; c > last; c--) {
        const cell = line?.[c - 1];
        if (cell !== undefined && (cell.value !== '' || cell.formula !== '')) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(after: number, count: number): void {
    const fresh: (CellData | undefined)[][] = Array.from({ length: count }, () => []);
    if (after < this.rows.length) this.rows.splice(after, 0, ...fresh);
    this.maxRows += count;
  }

  clear(contentsOnly: boolean): void {
    if (contentsOnly) {
      for (const line of this.rows)
        for (const cell of line ?? []) if (cell) Object.assign(cell, { value: '', formula: '' });
    } else {
      this.rows = [];
    }
  }

  // ---- test helpers: not service calls, never counted ----

  /** Puts a grid at A1 as if a person had typed it (values kept as given: Date stays Date). */
  load(grid: readonly (readonly (FakeValue | null)[])[]): void {
    const needed = grid.length + 1;
    if (needed > this.maxRows) this.maxRows = needed;
    grid.forEach((line, r) =>
      line.forEach((value, c) => {
        if (c + 1 > this.maxColumns) this.maxColumns = c + 1;
        this.cell(r + 1, c + 1).value = value === null ? '' : copy(value);
      }),
    );
  }

  /** Types one value into a cell as a person would (text typed with '=' stays text only in a '@' cell). */
  type(row: number, column: number, value: FakeValue): void {
    const cell = this.cell(row, column);
    Object.assign(cell, storedValue(value, cell.numberFormat, this.timeZone()));
  }

  /** The used range's values (A1 to last row and column), empty cells ''. */
  values(): FakeValue[][] {
    return this.map((c) => copy(c.value));
  }

  notes(): string[][] {
    return this.map((c) => c.note);
  }

  /** Any property of every cell of the used range. */
  map<T>(pick: (cell: CellData) => T): T[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: T[] = [];
      for (let c = 1; c <= columns; c++) line.push(pick(this.peek(r, c) ?? blank()));
      out.push(line);
    }
    return out;
  }
}
