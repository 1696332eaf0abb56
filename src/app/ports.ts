// The small ports the use cases are written against; Apps Script and Node each implement them.
import type { Cell, Grid } from '../core/grid';

/** A formula rule of a column's data cells, written for row 2 (each row reads its own cells). */
export interface FormulaHighlight {
  column: number;
  /** Without the leading '=', e.g. AND(ISNUMBER($H2),$H2<TODAY(),OR($I2="",$I2="待整改",…)). */
  formula: string;
  color: string;
}

/** How a sheet written by set-up, recompute or a report looks. Every field is optional. */
export interface SheetFormat {
  /** Rows frozen at the top (the header row: 1). */
  frozenRows?: number;
  /** Columns frozen at the left (a record sheet's first columns up to 校验, when they are narrow enough). */
  frozenColumns?: number;
  /** Column widths in pixels, by 0-based column index. */
  widths?: number[];
  /** Dropdown lists: every data row of the 0-based column offers these values (others are warned, not rejected). */
  choices?: { column: number; values: string[] }[];
  /** Dropdowns backed by another sheet's column, e.g. visitor from 人员!A2:A. */
  rosterChoices?: { column: number; sheet: string; sourceColumn: number }[];
  /** 0-based columns whose data cells hold dates (date validation and yyyy-mm-dd format). */
  dateColumns?: number[];
  /** 0-based columns whose data cells are stored as plain text (never a formula). */
  textColumns?: number[];
  /** Background colours (#rrggbb or null) for the grid written, same shape as the grid. */
  backgrounds?: (string | null)[][];
  /** Rows (0-based in the grid) shown in bold, e.g. section titles. */
  boldRows?: number[];
  /** Generated sheets are protected with a warning-only protection. */
  protect?: boolean;
  /** Conditional colours of a 0-based column: text starting with a prefix gets a colour. */
  highlights?: { column: number; prefix: string; color: string }[];
  /** Conditional colours of a 0-based column by a formula written for row 2 (the overdue 期限: overdue-format.ts). */
  formulaHighlights?: FormulaHighlight[];
  /**
   * How the sheet prints where the adapter can say so (the .xlsx; Sheets keeps print settings to the
   * person): A4 portrait, fitted to the page's width, the first `repeatRows` rows on every page.
   */
  print?: { repeatRows: number };
  /**
   * An embedded bar chart over part of the grid written: labels and values in two 0-based columns over
   * rows firstRow..lastRow (0-based, inclusive), placed with its top-left at (anchorRow, anchorColumn).
   * Adapters without charts may ignore it.
   */
  chart?: {
    title: string;
    firstRow: number;
    lastRow: number;
    labelColumn: number;
    valueColumn: number;
    anchorRow: number;
    anchorColumn: number;
  };
}

/** A workbook of sheets. Each method is one batched operation, whatever the number of rows. */
export interface WorkbookPort {
  /** Names of all sheets, in order. */
  sheetNames(): string[];
  /** The whole used range of a sheet, header row included; undefined if there is no such sheet. */
  read(sheet: string): Grid | undefined;
  /** Creates a sheet with a header row and its format; does nothing if a sheet of that name exists. */
  create(sheet: string, header: Cell[], format: SheetFormat): void;
  /** Applies a format to an existing sheet without touching any value. */
  applyFormat(sheet: string, format: SheetFormat): void;
  /** Replaces the whole content of a generated sheet, creating it if needed. */
  replace(sheet: string, grid: Grid, format: SheetFormat): void;
  /**
   * Appends rows after the last row of the used range — the row after read(sheet)'s last one, whatever that
   * row holds (text starting = + - @ is kept as text); returns the first new row's number.
   */
  append(sheet: string, rows: Cell[][], lastRow?: number): number;
  /** Writes one column (0-based) over consecutive rows from firstRow (1-based), with optional cell notes. */
  writeColumn(sheet: string, column: number, firstRow: number, values: Cell[], notes?: string[]): void;
  /**
   * Which cells of one column (0-based) over `count` rows from firstRow (1-based) hold a formula, in one
   * read. read() gives a formula's value only; an adapter whose cells cannot hold formulas may omit this.
   */
  formulaCells?(sheet: string, column: number, firstRow: number, count: number): boolean[];
  /** Deletes a sheet if it exists. */
  deleteSheet(sheet: string): void;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Mails that may still be sent today. */
  remainingQuota(): number;
  /** Sends one message; throws with a reason on failure. */
  send(message: MailMessage): void;
}

export interface Clock {
  now(): Date;
}

export interface Lock {
  /** Runs fn holding the document lock; throws if the lock cannot be had in time. */
  withLock<T>(fn: () => T): T;
}

/** A small key-value store (per user, or per document, as the adapter says). */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Who is using the add-on, as far as the platform tells. */
export interface UserInfo {
  /** The signed-in email, or '' when the platform does not give one. */
  email(): string;
}
