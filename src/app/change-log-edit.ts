// What onEdit saw, as 修改日志 lines: one typed cell with old → new, or a paste's cells with the values read (old unknown).
import { dateTimeInZone, serialToText } from '../core/dates';
import { cellText, columnOfHeader, type Cell, type Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { TABLES, tableOfSheet } from '../core/tables';
import { logChanges, type ChangeEntry } from './change-log';
import type { WorkbookPort } from './ports';
import { WorkbookSession } from './session';

/** The range an edit event names, and for one typed cell the value it had (Apps Script's e.oldValue). */
export interface EditedRange {
  /** 0-based first column of the range, and its width. */
  firstColumn: number;
  columns: number;
  /**
   * Present for one typed cell only (e.value / e.oldValue given): the old value, '' when the cell was empty.
   * A paste (or a multi-cell clear) has none: its lines say the old value is unknown.
   */
  typed?: { oldValue: string };
}

/** Who and when, as the lines say it. */
export interface LineStamp {
  who: string;
  time: string;
  lang: Lang;
}

/** The header text of a 0-based column ('#n' beyond the header). */
export function headerOf(grid: Grid, column: number): string {
  const text = cellText(grid[0]?.[column] ?? null).trim();
  return text === '' ? `#${column + 1}` : text;
}

/**
 * A typed cell's old value as the sheet showed it: Apps Script gives a date cell's e.oldValue as its serial
 * number ("46497"), which a date column's line says as 2027-04-20 (what the read gives, and what a restore
 * writes back).
 */
export function oldValueText(sheet: string, header: string, raw: string): string {
  const table = tableOfSheet(sheet);
  if (table === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return raw;
  const key = columnOfHeader(table, header);
  const kind = TABLES[table].columns.find((c) => c.key === key)?.kind;
  if (kind !== 'date' && kind !== 'datetime') return raw;
  return serialToText(Number(raw)) ?? raw;
}

/**
 * One line per cell of the edited data rows (row 1 is never logged), the values as now read. A typed cell
 * gets its old value; a paste's cells get "(原值未知：粘贴)". `idOf` gives the row's 编号 (after numbering).
 */
export function editEntries(
  grid: Grid,
  sheet: string,
  rows: { first: number; last: number },
  edit: EditedRange,
  stamp: LineStamp,
  idOf: (row: number) => string,
): ChangeEntry[] {
  const t = texts(stamp.lang).changeLog;
  const first = Math.max(rows.first, 2);
  const entries: ChangeEntry[] = [];
  const note = edit.typed
    ? t.edited
    : format(t.pasted, { rows: rows.last - rows.first + 1, columns: edit.columns });
  for (let row = first; row <= rows.last; row++) {
    for (let c = edit.firstColumn; c < edit.firstColumn + edit.columns; c++) {
      const after: Cell = grid[row - 1]?.[c] ?? '';
      const column = headerOf(grid, c);
      entries.push({
        time: stamp.time,
        who: stamp.who,
        sheet,
        id: idOf(row),
        row,
        column,
        ...(edit.typed ? { before: oldValueText(sheet, column, edit.typed.oldValue) } : {}),
        after,
        note,
      });
    }
  }
  return entries;
}

/** The 编号 of a row as read ('' when the sheet has no 编号 column or the cell is empty). */
export function idReader(grid: Grid, idColumn: number | undefined): (row: number) => string {
  return (row) => (idColumn === undefined ? '' : cellText(grid[row - 1]?.[idColumn] ?? null).trim());
}

/**
 * Logs an edit of a sheet people fill in other than the visit sheets (人员, 学生, 设置 …): one read of that
 * sheet (and 设置 for the language and time zone), one append. Contact values are masked by logChanges.
 * Returns the lines written.
 */
export function logSheetEdit(
  wb: WorkbookPort,
  sheet: string,
  rows: { first: number; last: number },
  edit: EditedRange,
  ctx: { now: Date; who: string },
): number {
  const table = tableOfSheet(sheet);
  if (table === undefined || rows.last < 2) return 0;
  const session = WorkbookSession.open(
    wb,
    { now: () => ctx.now },
    { only: [...new Set([table, 'settings' as const])] },
  );
  const grid = session.gridOf(sheet);
  if (grid.length === 0) return 0;
  const settings = session.settings;
  const stamp = { who: ctx.who, time: dateTimeInZone(ctx.now, settings.timeZone), lang: settings.language };
  const idColumn = grid[0]?.findIndex((h) => /^(编号|ID)$/i.test(cellText(h).trim()));
  const entries = editEntries(
    grid,
    sheet,
    rows,
    edit,
    stamp,
    idReader(grid, idColumn === -1 ? undefined : idColumn),
  );
  logChanges(wb, stamp.lang, entries);
  return entries.length;
}
