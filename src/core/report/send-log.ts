// The 发送日志 sheet: one row per reminder attempt (time, to, name, unit, month, status, reason, key), read and written.
import { format, texts, type Lang } from '../i18n/messages';
import { zh } from '../i18n/zh';
import { en } from '../i18n/en';
import { cellText, type Cell, type Grid } from '../grid';
import { nameKey } from '../names';

export type SendStatus = 'sent' | 'deferred' | 'failed';
export const SEND_STATUSES: readonly SendStatus[] = ['sent', 'deferred', 'failed'];
/** The columns of a new log, in the order a person reads them: the technical key last. */
export const LOG_COLUMNS = ['time', 'to', 'name', 'unit', 'month', 'status', 'reason', 'key'] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

export interface SendLogEntry {
  key: string;
  /** 'YYYY-MM-DD HH:mm' in the school's time zone. */
  time: string;
  to: string;
  name: string;
  unit: string;
  month: string;
  status: SendStatus;
  reason: string;
}

export function sendLogSheet(lang: Lang): string {
  return texts(lang).sheets.sendLog;
}

export function sendLogHeader(lang: Lang): string[] {
  const h = texts(lang).remind.logHeader;
  return LOG_COLUMNS.map((c) => h[c]);
}

/** The key of one reminder: one email per (person, unit, month, reminder day), ever. */
export function reminderKey(month: string, day: number, person: string, unit: string): string {
  return format('{month}|{day}|{person}|{unit}', {
    month,
    day: String(day).padStart(2, '0'),
    person: nameKey(person),
    unit: nameKey(unit),
  });
}

/** The month a key belongs to ('' if the key is not one of ours). */
export function monthOfKey(key: string): string {
  const m = /^(\d{4}-\d{2})\|/.exec(key);
  return m?.[1] ?? '';
}

function headerKey(text: string): string {
  return nameKey(text).toLowerCase();
}

function statusOf(text: string): SendStatus | undefined {
  const wanted = headerKey(text);
  return SEND_STATUSES.find(
    (s) =>
      headerKey(zh.remind.logStatus[s]) === wanted ||
      headerKey(en.remind.logStatus[s]) === wanted ||
      s === wanted,
  );
}

/** Reads the log's rows (header in either language); rows without a key or a known status are skipped. */
export function parseSendLog(grid: Grid | undefined): SendLogEntry[] {
  if (grid === undefined || grid.length === 0) return [];
  const index = new Map<LogColumn, number>();
  columnsOf(grid[0] ?? []).forEach((column, i) => {
    if (column !== undefined && !index.has(column)) index.set(column, i);
  });
  const at = (row: Cell[], column: LogColumn) => {
    const i = index.get(column);
    return i === undefined ? '' : cellText(row[i] ?? null);
  };
  const entries: SendLogEntry[] = [];
  for (const row of grid.slice(1)) {
    const key = at(row, 'key');
    const status = statusOf(at(row, 'status'));
    if (key === '' || status === undefined) continue;
    entries.push({
      key,
      time: at(row, 'time'),
      to: at(row, 'to'),
      name: at(row, 'name'),
      unit: at(row, 'unit'),
      month: monthOfKey(key) || at(row, 'month'),
      status,
      reason: at(row, 'reason'),
    });
  }
  return entries;
}

/** The log column each header cell names (either language), or undefined for a column of the school's own. */
function columnsOf(header: readonly Cell[]): (LogColumn | undefined)[] {
  return header.map((cell) => {
    const text = headerKey(cellText(cell));
    return LOG_COLUMNS.find(
      (c) => headerKey(zh.remind.logHeader[c]) === text || headerKey(en.remind.logHeader[c]) === text,
    );
  });
}

/**
 * One log row in the school's language, its cells in the order of the sheet's header when given (a log made
 * by an earlier version has the key first), else in LOG_COLUMNS order.
 */
export function sendLogRow(entry: SendLogEntry, lang: Lang, header?: readonly Cell[]): string[] {
  const label = texts(lang).remind.logStatus[entry.status];
  const value = (c: LogColumn) => (c === 'status' ? label : entry[c]);
  const columns = header !== undefined && header.length > 0 ? columnsOf(header) : [...LOG_COLUMNS];
  if (!columns.includes('key')) return LOG_COLUMNS.map(value);
  return columns.map((c) => (c === undefined ? '' : value(c)));
}

/** The latest entry of every key, in the order keys first appeared. */
export function latestByKey(entries: readonly SendLogEntry[]): Map<string, SendLogEntry> {
  const latest = new Map<string, SendLogEntry>();
  for (const e of entries) latest.set(e.key, e);
  return latest;
}
