// The 发送日志 sheet: one row per mail attempt (time, to, name, kind, units, month, status, reason, key), read and written; the reminder keys.
import { texts, type Lang } from '../i18n/messages';
import { zh } from '../i18n/zh';
import { en } from '../i18n/en';
import { cellText, type Cell, type Grid } from '../grid';
import { nameKey } from '../names';

export type SendStatus = 'sent' | 'deferred' | 'failed';
export const SEND_STATUSES: readonly SendStatus[] = ['sent', 'deferred', 'failed'];
/** The columns of a new log, in the order a person reads them: the technical key last. */
export const LOG_COLUMNS = [
  'time',
  'to',
  'name',
  'kind',
  'unit',
  'month',
  'status',
  'reason',
  'key',
] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

/** What a logged mail was: a person's reminder, a unit digest, the monthly report's summary. */
export type SendKind = 'person' | 'digest' | 'report';

export interface SendLogEntry {
  key: string;
  /** 'YYYY-MM-DD HH:mm' in the school's time zone. */
  time: string;
  to: string;
  name: string;
  /** The units the mail covers, as one list cell (、 or , between them). */
  unit: string;
  month: string;
  status: SendStatus;
  reason: string;
}

export function sendLogSheet(lang: Lang): string {
  return texts(lang).sheets.sendLog;
}

function headerText(lang: Lang, column: LogColumn): string {
  const t = texts(lang);
  return column === 'kind' ? t.reminderMail.logKindHeader : t.remind.logHeader[column];
}

export function sendLogHeader(lang: Lang): string[] {
  return LOG_COLUMNS.map((c) => headerText(lang, c));
}

/** A name as a part of a key ('|' would split it). */
function keyPart(name: string): string {
  return nameKey(name).replace(/\|/g, '/');
}

const dayPart = (day: number) => String(day).padStart(2, '0');

/** The key of a person's reminder: one email per (person, month, reminder day), ever. */
export function personKey(month: string, day: number, person: string): string {
  return `${month}|${dayPart(day)}|${keyPart(person)}`;
}

/** The key of a unit digest: one per (head, unit, month, reminder day), ever. */
export function digestKey(month: string, day: number, head: string, unit: string): string {
  return `${month}|${dayPart(day)}|${keyPart(head)}|${keyPart(unit)}|digest`;
}

/**
 * What a reminder key stands for. An earlier version keyed one email per (person, unit): `month|day|person|unit`;
 * such a key reads as that person's reminder of that day (`legacy`), so a day it sent is never sent again.
 */
export interface ReminderSlot {
  kind: 'person' | 'digest';
  month: string;
  day: string;
  /** Name keys, as in the key. */
  person: string;
  unit: string;
  legacy: boolean;
}

export function slotOfKey(key: string): ReminderSlot | undefined {
  const parts = key.split('|');
  const [month = '', day = '', person = '', unit = ''] = parts;
  if (!/^\d{4}-\d{2}$/.test(month) || !/^\d{2}$/.test(day) || person === '') return undefined;
  if (parts.length === 3) return { kind: 'person', month, day, person, unit: '', legacy: false };
  if (parts.length === 4) return { kind: 'person', month, day, person, unit: '', legacy: true };
  if (parts.length === 5 && parts[4] === 'digest')
    return { kind: 'digest', month, day, person, unit, legacy: false };
  return undefined;
}

/** The key of the message a slot stands for (a legacy key's slot: the person's key of that day). */
export function keyOfSlot(slot: ReminderSlot): string {
  return slot.kind === 'person'
    ? `${slot.month}|${slot.day}|${slot.person}`
    : `${slot.month}|${slot.day}|${slot.person}|${slot.unit}|digest`;
}

/** What kind of mail a key logs ('' for a key of no kind we know). */
export function kindOfKey(key: string): SendKind | '' {
  if (key.startsWith('report|')) return 'report';
  return slotOfKey(key)?.kind ?? '';
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
      (c) => headerKey(headerText('zh', c)) === text || headerKey(headerText('en', c)) === text,
    );
  });
}

/**
 * One log row in the school's language, its cells in the order of the sheet's header when given (a log made
 * by an earlier version has the key first), else in LOG_COLUMNS order.
 */
export function sendLogRow(entry: SendLogEntry, lang: Lang, header?: readonly Cell[]): string[] {
  const label = texts(lang).remind.logStatus[entry.status];
  const kind = kindOfKey(entry.key);
  const value = (c: LogColumn) =>
    c === 'status'
      ? label
      : c === 'kind'
        ? kind === ''
          ? ''
          : texts(lang).reminderMail.kinds[kind]
        : entry[c];
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

/**
 * The latest entries still to be sent (deferred or failed), less an earlier version's per-unit keys of a
 * person who was mailed that day since (their one mail went out under the new key).
 */
export function waitingEntries(latest: ReadonlyMap<string, SendLogEntry>): SendLogEntry[] {
  const mailed = new Set<string>();
  for (const [key, entry] of latest) {
    const slot = slotOfKey(key);
    if (slot?.kind === 'person' && entry.status === 'sent')
      mailed.add(`${slot.month}|${slot.day}|${slot.person}`);
  }
  return [...latest]
    .filter(([key, entry]) => {
      if (entry.status === 'sent') return false;
      const slot = slotOfKey(key);
      return !(slot?.legacy === true && mailed.has(`${slot.month}|${slot.day}|${slot.person}`));
    })
    .map(([, entry]) => entry);
}
