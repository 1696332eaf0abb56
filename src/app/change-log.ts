// 修改日志: one line per changed cell (who, when, sheet, 编号, row, column, old → new, note), written with one append a run.
import { cellText, columnOfHeader, type Cell, type Grid } from '../core/grid';
import { texts, type Lang } from '../core/i18n/messages';
import { en } from '../core/i18n/en';
import { zh } from '../core/i18n/zh';
import { sheetName, tableOfSheet } from '../core/tables';
import type { WorkbookPort } from './ports';

/**
 * The columns, by position. The first five are those of withdraw's first log (时间, 操作人, 工作表, 编号,
 * 修改内容): a line written before keeps reading right, its 修改内容 standing under 说明.
 */
export const LOG_COLUMNS = [
  'time',
  'who',
  'sheet',
  'id',
  'note',
  'row',
  'column',
  'before',
  'after',
] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

/** One changed cell (or, without `column`, one change described in `note` alone). */
export interface ChangeEntry {
  /** The school's wall-clock time, 'YYYY-MM-DD HH:mm'. */
  time: string;
  /** Who made the change ('' is written as 未知). */
  who: string;
  sheet: string;
  /** The row's 编号 ('' for a row without one: `row` says which). */
  id: string;
  row?: number;
  /** The column's header text. */
  column?: string;
  /** The value before; undefined when it is not known (a paste). */
  before?: Cell;
  after?: Cell;
  note?: string;
}

/** The 修改日志 header in a language. */
export function changeLogHeader(lang: Lang): string[] {
  const h = texts(lang).changeLog.header;
  return LOG_COLUMNS.map((key) => h[key]);
}

/** Whether a column of a sheet holds contact details (联系方式, 监护人): their values never go to the log. */
export function isContactColumn(sheet: string, header: string): boolean {
  const table = tableOfSheet(sheet);
  if (table !== 'students' && table !== 'targets') return false;
  const key = columnOfHeader(table, header);
  return key === 'contact' || key === 'guardian';
}

/**
 * The entry as logged: the values of a contact column replaced by "(联系方式已修改)", whoever wrote it —
 * the one place every writer goes through, so no caller can put a telephone number in the log.
 */
function masked(entry: ChangeEntry, lang: Lang): ChangeEntry {
  if (entry.column === undefined || !isContactColumn(entry.sheet, entry.column)) return entry;
  const t = texts(lang).changeLog;
  return { ...entry, before: '', after: t.contactMasked, note: t.contact };
}

function lineOf(entry: ChangeEntry, lang: Lang): Cell[] {
  const t = texts(lang).changeLog;
  const e = masked(entry, lang);
  const known = e.column === undefined || e.before !== undefined;
  return [
    e.time,
    e.who === '' ? t.unknownUser : e.who,
    e.sheet,
    e.id,
    e.note ?? '',
    e.row ?? '',
    e.column ?? '',
    known ? (e.before ?? '') : t.unknownOld,
    e.after ?? '',
  ];
}

/** The log's name in the workbook: an existing one in either language, else the school's language's. */
export function changeLogName(wb: WorkbookPort, lang: Lang): string {
  const names = wb.sheetNames();
  return (
    [zh.sheets.changeLog, en.sheets.changeLog].find((n) => names.includes(n)) ?? sheetName('changeLog', lang)
  );
}

/** How the log looks: every column but 行 stored as text (a logged '2027-04-20' stays the text it was). */
export const LOG_FORMAT = {
  frozenRows: 1,
  widths: [120, 90, 80, 60, 220, 45, 80, 180, 180],
  textColumns: [0, 1, 2, 3, 4, 6, 7, 8],
  protect: true,
};

/**
 * Writes the entries to 修改日志 with ONE append (the sheet made first when it is missing). Nothing is read:
 * the columns are written by position (LOG_COLUMNS), so a log kept from withdraw's first version (five
 * columns) keeps its rows and gets its four new columns' headers from ensureChangeLog (restore, withdraw).
 * Contact values are masked here. Call it under the document lock: appends go after the last row.
 */
export function logChanges(wb: WorkbookPort, lang: Lang, entries: readonly ChangeEntry[]): void {
  if (entries.length === 0) return;
  const sheet = ensureLogSheet(wb, lang);
  wb.append(
    sheet,
    entries.map((e) => lineOf(e, lang)),
  );
}

/** The log's name, the sheet made (header, frozen, text columns, protected as 进度 is) when missing. */
function ensureLogSheet(wb: WorkbookPort, lang: Lang): string {
  const sheet = changeLogName(wb, lang);
  if (!wb.sheetNames().includes(sheet)) wb.create(sheet, changeLogHeader(lang), LOG_FORMAT);
  return sheet;
}

/** The header texts a column of the log may carry, either language, either version. */
function knownHeaders(index: number): string[] {
  const key = LOG_COLUMNS[index];
  if (key === undefined) return [];
  const names = [zh.changeLog.header[key], en.changeLog.header[key]];
  if (key === 'note') names.push(zh.changeLog.legacyNote, en.changeLog.legacyNote);
  return names;
}

/**
 * Makes 修改日志 when missing, else brings an older header up to date: when the header's cells are the known
 * ones (or empty) by position, it is written again with the missing columns' names (row 1 only, one write; no
 * row under it is touched). A header the school changed is left alone. Returns the log's name and grid as read.
 */
export function ensureChangeLog(wb: WorkbookPort, lang: Lang): { sheet: string; grid: Grid } {
  const sheet = changeLogName(wb, lang);
  if (!wb.sheetNames().includes(sheet)) {
    wb.create(sheet, changeLogHeader(lang), LOG_FORMAT);
    return { sheet, grid: [changeLogHeader(lang)] };
  }
  const grid = wb.read(sheet) ?? [];
  const header = (grid[0] ?? []).map((c) => cellText(c).trim());
  const ours = LOG_COLUMNS.every((_, i) => (header[i] ?? '') === '' || knownHeaders(i).includes(header[i]!));
  const lacking = LOG_COLUMNS.some((_, i) => (header[i] ?? '') === '');
  if (ours && lacking) {
    const full = changeLogHeader(lang).map((text, i) => (header[i] ? header[i]! : text));
    // append after row 0 is a write of row 1: the header row, as wide as the new header.
    wb.append(sheet, [full], 0);
    // The new columns stored as text, as in a log made now (applyFormat touches no value).
    wb.applyFormat(sheet, { textColumns: LOG_FORMAT.textColumns });
    grid[0] = [...full, ...(grid[0] ?? []).slice(full.length)];
  }
  return { sheet, grid };
}

/** A line of the log read back. `before` is undefined when it was not known (a paste) or not logged (contact). */
export interface LoggedChange {
  /** The log row (1-based). */
  line: number;
  time: string;
  who: string;
  sheet: string;
  id: string;
  row?: number;
  column: string;
  before?: Cell;
  after: Cell;
  contact: boolean;
}

/** The lines of the log that name a column (withdraw's first lines name none: they are history only). */
export function readChangeLog(grid: Grid): LoggedChange[] {
  const unknown = new Set([zh.changeLog.unknownOld, en.changeLog.unknownOld]);
  const contact = new Set([zh.changeLog.contactMasked, en.changeLog.contactMasked]);
  const out: LoggedChange[] = [];
  grid.forEach((line, index) => {
    if (index === 0) return;
    const at = (key: LogColumn) => line[LOG_COLUMNS.indexOf(key)] ?? null;
    const column = cellText(at('column')).trim();
    if (column === '') return;
    const row = Number(at('row'));
    const before = at('before');
    const after = at('after');
    const masked = contact.has(cellText(after));
    out.push({
      line: index + 1,
      time: cellText(at('time')).trim(),
      who: cellText(at('who')),
      sheet: cellText(at('sheet')).trim(),
      id: cellText(at('id')).trim(),
      ...(Number.isInteger(row) && row >= 2 ? { row } : {}),
      column,
      ...(masked || unknown.has(cellText(before)) ? {} : { before }),
      after,
      contact: masked,
    });
  });
  return out;
}
