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
}

/** Everything the page shows, sent whole after each change (the workbooks are small). */
export interface BookView {
  workbook: string;
  /** Today in the school's time zone. */
  today: string;
  lang: 'zh' | 'en';
  texts: PlaygroundTexts;
  sheets: SheetView[];
  outbox: OutboxMessage[];
}

/** A cell typed into the grid: 1-based row, 0-based column, the text as typed. */
export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export type MenuAction = 'setUp' | 'recompute' | 'report' | 'remindPreview' | 'remindSend' | 'help';

export interface MenuRequest {
  action: MenuAction;
  /** For report: the month as typed (YYYY-MM, 2027/3, 2027年3月); empty for last month. */
  month?: string;
}

/** What a menu action or edit answers: the new book, a line to show, and the sheet to bring forward. */
export interface ActionResult {
  book: BookView;
  message?: string;
  /** The sheet (or the outbox) to show after the action. */
  show?: string;
  /** A dialog to show: the help text, or a reminder preview with the messages that would be sent. */
  dialog?: { title: string; text: string; mails?: { to: string; subject: string; text: string }[] };
}

/** google.script.run over HTTP: the answer of one server function, or its error message. */
export type RunResult = { ok: true; value: unknown } | { ok: false; error: string };
