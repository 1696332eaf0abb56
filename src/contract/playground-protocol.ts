// The JSON the playground page and its Node server exchange (types only; no Date ever crosses).

/** Extra look of one cell: background, bold, a cell note (the 校验 details). */
export interface CellStyle {
  row: number;
  col: number;
  bg?: string;
  bold?: boolean;
  note?: string;
}

/** One sheet as the page draws it: the used range as display text, row 1 first. */
export interface SheetView {
  name: string;
  /** Record sheets take edits; generated sheets (进度, 月报, logs) are protected. */
  editable: boolean;
  frozenRows: number;
  /** Column widths in pixels. */
  widths: number[];
  /** Display text of every cell of the used range. */
  cells: string[][];
  styles: CellStyle[];
  /** The sheet's bar chart (a 月报's completion by unit), drawn above the grid as Sheets shows it beside. */
  chart?: SheetChart;
}

/** A bar chart of a generated sheet: one bar per label, values as fractions (0–1) or plain numbers. */
export interface SheetChart {
  title: string;
  bars: { label: string; value: number }[];
}

/** The `show` value that brings the outbox tab forward (no sheet can have this name). */
export const OUTBOX_SHEET = '\u0000outbox';

/** One message the reminder run left in the outbox. */
export interface OutboxMessage {
  file: string;
  to: string;
  subject: string;
  text: string;
}

/** The playground's own words, in the school's language. */
export interface PlaygroundTexts {
  title: string;
  menu: string;
  logVisit: string;
  setUp: string;
  recompute: string;
  report: string;
  remindPreview: string;
  remindSend: string;
  help: string;
  outbox: string;
  outboxEmpty: string;
  sidebarTitle: string;
  close: string;
  /** 生成月报's question, naming last month (what an empty answer stands for). */
  monthPrompt: string;
  /** Last month, YYYY-MM: the month field's placeholder. */
  lastMonth: string;
  ok: string;
  cancel: string;
  protectedSheet: string;
  saved: string;
  /** The header line naming the workbook file. */
  workbookLine: string;
  /** Accessible names of the menu bar and of the sheet tabs. */
  menuBar: string;
  sheetTabs: string;
  /** The daily job's menu item, its question (which day) and the day it offers (today, YYYY-MM-DD). */
  dailyJob: string;
  dayPrompt: string;
  /** The status sheet's name (进度 / Status): the tab the page opens on. */
  statusSheet: string;
  /** 恢复行's menu item and its one question (the row and the time, e.g. "V-12 2027-04-20 10:00"). */
  restore: string;
  restorePrompt: string;
  /** 学期总结 and 年度总结; the semester question (listing the semesters) and the one an empty answer means. */
  summarySemester: string;
  summaryYear: string;
  semesterPrompt: string;
  defaultSemester: string;
  /** 献计转整改's menu item (it converts the 献计 row of the selected cell). */
  suggestionToRect: string;
  /** 开始新学年's menu item (its question comes with the plan, from the server). */
  newYear: string;
}

/** Whether the workbook file holds every change yet (it is written in the background after a quiet spell). */
export type FileState =
  | { state: 'saved' }
  | { state: 'pending' }
  /** The last write failed and is retried; `message` says why, in the school's language. */
  | { state: 'failed'; message: string };

/** Everything the page shows: sent whole once, when the page loads (GET /api/book). */
export interface BookView {
  workbook: string;
  /** Today in the school's time zone. */
  today: string;
  lang: 'zh' | 'en';
  texts: PlaygroundTexts;
  sheets: SheetView[];
  outbox: OutboxMessage[];
  file: FileState;
}

/** Some rows of a sheet as they now stand: display text and looks, as in SheetView. */
export interface RowView {
  /** 1-based row number. */
  row: number;
  /** Display text of the row's cells, as wide as the sheet's used range ([] for a row now empty). */
  cells: string[];
  /** Every style of the row (the row's earlier styles are replaced by these). */
  styles: CellStyle[];
}

/** The rows of one sheet that a change wrote (the edited row, the 校验/编号 cells, an appended row). */
export interface SheetPatch {
  name: string;
  /** The used range's row count after the change: rows beyond it are gone, rows up to it exist. */
  rowCount: number;
  rows: RowView[];
}

/**
 * What a change did to the book, instead of the whole book: the sheets it rewrote (进度, a 月报, a sheet
 * set-up made) whole, the rows it wrote in the others, the tab order, and the outbox when mail was sent.
 * The page applies it to the book it holds; JSON only.
 */
export interface BookPatch {
  today: string;
  lang: 'zh' | 'en';
  texts: PlaygroundTexts;
  /** Every sheet's name, in tab order (a name missing from it was deleted). */
  sheetNames: string[];
  /** Sheets sent whole: made or replaced by the change, or with more rows changed than a patch is worth. */
  sheets: SheetView[];
  /** Rows changed in the other sheets. */
  patches: SheetPatch[];
  /** The whole outbox, when the change may have put mail in it. */
  outbox?: OutboxMessage[];
  file: FileState;
}

/** A cell typed into the grid: 1-based row, 0-based column, the text as typed. */
export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export type MenuAction =
  | 'setUp'
  | 'recompute'
  | 'report'
  | 'summarySemester'
  | 'summaryYear'
  | 'remindPreview'
  | 'remindSend'
  | 'daily'
  | 'restore'
  | 'suggestionToRect'
  | 'help'
  | 'newYear';

export interface MenuRequest {
  action: MenuAction;
  /** For report: the month as typed (YYYY-MM, 2027/3, 2027年3月); empty for last month. */
  month?: string;
  /**
   * For summarySemester: the semester's name as typed; empty for the one of today (else the latest ended).
   * For newYear (confirmed): the new semester's name as typed; empty for the one the plan named.
   */
  semester?: string;
  /** For daily: the day to run the daily job for, as typed (2027-05-01, 2027/5/1); empty for today. */
  day?: string;
  /** For restore: the row and the time as typed, e.g. "V-12 2027-04-20 10:00" or "走访记录 5 2027-04-20". */
  restore?: string;
  /** For suggestionToRect: the selected cell (sheet name, 1-based row), as Sheets' active range. */
  cell?: { sheet: string; row: number };
  /** For newYear: absent, the server only answers with the plan and a question; true, it does it. */
  confirmed?: boolean;
}

/** What a menu action or edit answers: what changed in the book, a line to show, the sheet to bring forward. */
export interface ActionResult {
  patch: BookPatch;
  message?: string;
  /** The sheet (or the outbox) to show after the action. */
  show?: string;
  /** A dialog to show: the help text, or a reminder preview with the messages that would be sent. */
  dialog?: { title: string; text: string; mails?: { to: string; subject: string; text: string }[] };
  /** A question to ask before going on (开始新学年's plan): the answer, with `request`, is the next menu call. */
  ask?: { prompt: string; value: string; request: MenuRequest };
}

/**
 * google.script.run over HTTP: the answer of one server function, or its error message; with what the call
 * changed in the book (a sidebar save: the appended row, its 编号, 进度), for the page around the sidebar.
 */
export type RunResult = ({ ok: true; value: unknown } | { ok: false; error: string }) & { patch?: BookPatch };

/** The `#sheet=NAME` link the daily job's report email carries (the playground opens that tab). */
export function sheetLink(sheet: string): string {
  return `#sheet=${encodeURIComponent(sheet)}`;
}

/** The sheet a `#sheet=NAME` location hash names, if any. */
export function sheetOfLink(hash: string): string | undefined {
  const m = /^#sheet=(.*)$/.exec(hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1] ?? '');
  } catch {
    return undefined;
  }
}
