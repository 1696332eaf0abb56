// 恢复行: a row's values from before a time written back from 修改日志, cell by cell, only where nobody changed them since.
import { dateTimeInZone } from '../core/dates';
import { cellText, type Cell } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { tableOfSheet } from '../core/tables';
import {
  ensureChangeLog,
  logChanges,
  readChangeLog,
  changeLogName,
  type ChangeEntry,
  type LoggedChange,
} from './change-log';
import type { Clock, Lock, WorkbookPort } from './ports';
import { WorkbookSession } from './session';

export interface RestoreRequest {
  /** A 编号 (V-12), or a sheet and a row number (走访记录 5, 走访记录!5, 走访记录 第5行). */
  target: string;
  /** The time: changes logged at or after it are undone ('YYYY-MM-DD HH:mm', or a date: from 00:00). */
  since: string;
  /** Who asks (written in 修改日志). */
  who: string;
}

export interface RestoreResult {
  ok: boolean;
  message: string;
  /** Cells written back. */
  restored: number;
  /** The sheet restored (for the playground to show). */
  sheet?: string;
}

type Target = { id: string } | { sheet: string; row: number };

/** 'YYYY-MM-DD HH:mm' from 2027-04-20 10:00, 2027/4/20 9:05, 2027.4.20, 2027年4月20日 (a date alone: 00:00). */
export function parseSince(text: string): string | null {
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:：]\s*(\d{2}))?$/.exec(
      text.trim(),
    );
  if (m === null) return null;
  const [y, mo, d, h = '0', mi = '0'] = m.slice(1) as [string, string, string, string?, string?];
  const n = (v: string) => Number(v);
  if (n(mo) < 1 || n(mo) > 12 || n(d) < 1 || n(d) > 31 || n(h) > 23 || n(mi) > 59) return null;
  const pad = (v: string) => v.padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`;
}

/** The row asked for: a 编号, or a sheet of the workbook and a row number below the header. */
export function parseTarget(text: string, sheetNames: readonly string[]): Target | null {
  const trimmed = text.trim();
  if (/^[A-Z]-\d+$/i.test(trimmed)) return { id: trimmed.toUpperCase() };
  const m = /^(.+?)\s*(?:[!！:：]|\s)\s*第?\s*(\d+)\s*行?$/.exec(trimmed);
  if (m === null) return null;
  const wanted = m[1]!.normalize('NFKC').trim().toLowerCase();
  const sheet = sheetNames.find((n) => n.normalize('NFKC').trim().toLowerCase() === wanted);
  const row = Number(m[2]);
  if (sheet === undefined || tableOfSheet(sheet) === undefined || row < 2) return null;
  return { sheet, row };
}

const same = (a: Cell | undefined, b: Cell | undefined) =>
  cellText(a ?? null).trim() === cellText(b ?? null).trim();

/** What a column's lines since the time say: the value before the first, the value after the last. */
interface ColumnStory {
  column: string;
  first: LoggedChange;
  last: LoggedChange;
  contact: boolean;
}

function stories(changes: readonly LoggedChange[]): ColumnStory[] {
  const byColumn = new Map<string, ColumnStory>();
  for (const c of changes) {
    const known = byColumn.get(c.column);
    if (known === undefined)
      byColumn.set(c.column, { column: c.column, first: c, last: c, contact: c.contact });
    else byColumn.set(c.column, { ...known, last: c, contact: known.contact || c.contact });
  }
  return [...byColumn.values()];
}

/**
 * Restores a row under the document lock: reads 修改日志 (its header brought up to date) and the row's sheet,
 * takes the lines of that row logged at or after `since`, and for each column writes back the value before the
 * first of them — only where the cell still holds the value the last of them wrote: a cell changed since (by
 * someone else, or by an edit the log missed) is left as it is and named. 编号 is never restored (numbers are
 * never reused); a paste's cells (old value unknown) and contact columns (values never logged) are named, not
 * restored. Each cell written back is a new 修改日志 line, with one append.
 */
export function restoreRow(
  wb: WorkbookPort,
  ports: { clock: Clock; lock: Lock },
  request: RestoreRequest,
): RestoreResult {
  const session = WorkbookSession.open(wb, ports.clock, { only: ['settings'] });
  const lang: Lang = session.lang;
  const t = texts(lang).changeLog;
  const fail = (message: string): RestoreResult => ({ ok: false, message, restored: 0 });
  const since = parseSince(request.since);
  if (since === null) return fail(format(t.badSince, { value: request.since.trim() }));
  const target = parseTarget(request.target, wb.sheetNames());
  if (target === null) return fail(format(t.badTarget, { value: request.target.trim() }));
  const label = 'id' in target ? target.id : `${target.sheet} ${target.row}`;

  return ports.lock.withLock((): RestoreResult => {
    if (!wb.sheetNames().includes(changeLogName(wb, lang))) return fail(t.noLog);
    const logged = readChangeLog(ensureChangeLog(wb, lang).grid);
    // The sheet: the one named, or the one whose lines carry the 编号 (the latest).
    const sheet =
      'sheet' in target
        ? target.sheet
        : [...logged].reverse().find((c) => c.id.toUpperCase() === target.id)?.sheet;
    const grid = sheet === undefined ? undefined : wb.read(sheet);
    if (sheet === undefined || grid === undefined) return fail(format(t.notFound, { target: label }));
    const header = (grid[0] ?? []).map((h) => cellText(h).trim());
    const idColumn = header.findIndex((h) => /^(编号|ID)$/i.test(h));
    // The row now: found by its 编号 (rows may have been sorted since), else the row number given.
    const row =
      'row' in target
        ? target.row
        : grid.findIndex(
            (line, i) =>
              i > 0 &&
              idColumn >= 0 &&
              cellText(line[idColumn] ?? null)
                .trim()
                .toUpperCase() === target.id,
          ) + 1;
    if (row < 2 || row > grid.length) return fail(format(t.notFound, { target: label }));
    const id = idColumn >= 0 ? cellText(grid[row - 1]?.[idColumn] ?? null).trim() : '';
    const ours = (c: LoggedChange) =>
      c.sheet === sheet &&
      c.time >= since &&
      (id !== ''
        ? c.id.toUpperCase() === id.toUpperCase() || (c.id === '' && c.row === row)
        : c.id === '' && c.row === row);
    const idHeader = idColumn >= 0 ? header[idColumn] : undefined;
    const told = stories(logged.filter((c) => ours(c) && c.column !== idHeader));
    if (told.length === 0) return fail(format(t.nothing, { target: label, since }));

    const now = dateTimeInZone(session.now, session.settings.timeZone);
    const entries: ChangeEntry[] = [];
    const refused: string[] = [];
    for (const story of told) {
      const column = header.indexOf(story.column);
      if (column < 0) continue;
      const current = grid[row - 1]?.[column] ?? '';
      if (story.contact) refused.push(format(t.contactCell, { column: story.column }));
      else if (story.first.before === undefined)
        refused.push(format(t.unknownCell, { column: story.column }));
      else if (!same(current, story.last.after))
        refused.push(
          format(t.refusedCell, {
            column: story.column,
            current: cellText(current),
            logged: cellText(story.last.after),
          }),
        );
      else if (!same(current, story.first.before)) {
        const value = story.first.before;
        wb.writeColumn(sheet, column, row, [value]);
        entries.push({
          time: now,
          who: request.who,
          sheet,
          id,
          row,
          column: story.column,
          before: current,
          after: value,
          note: format(t.restored, { since }),
        });
      }
    }
    logChanges(wb, lang, entries);
    const columns = entries.map((e) => e.column).join(lang === 'en' ? ', ' : '、');
    const parts =
      entries.length > 0 ? [format(t.done, { target: label, count: entries.length, columns })] : [];
    if (refused.length > 0)
      parts.push(format(t.refused, { cells: refused.join(lang === 'en' ? '; ' : '；') }));
    if (parts.length === 0) parts.push(format(t.nothing, { target: label, since }));
    return { ok: entries.length > 0, message: parts.join(' '), restored: entries.length, sheet };
  });
}
