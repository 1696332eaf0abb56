// Calendar dates and quota months: date cells as ISO text, the plan's text forms and serials; today in the school's time zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Cell } from './grid';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A month, 'YYYY-MM'. */
export type IsoMonth = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;
/** Serial 0 of spreadsheets (Excel and Google Sheets alike) is 1899-12-30. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * 2027-04-05, 2027/4/5, 2027.4.5, 2027年4月5日 (日 optional), each with an optional time after it. These
 * are wall-clock dates: the time is dropped.
 */
const TEXT_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/,
];
/**
 * A date-time with an offset (2027-04-20T23:30:00Z, 2027-04-20 23:30+08:00): an instant, not a wall-clock
 * date, so its calendar date is the one in the school's time zone (2027-04-21 in Asia/Shanghai).
 */
const INSTANT_FORM =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
/** The zone an instant is read in when the caller names none (the plan's school). */
const DEFAULT_ZONE = 'Asia/Shanghai';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds a date from parts, or null if the day does not exist (2027-02-30). */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(`${pad(year, 4)}-${pad(month)}`)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar date, in a time zone, of a date-time text with an offset; null when it is none. */
function instantDate(cleaned: string, timeZone: string): IsoDate | null | undefined {
  const m = INSTANT_FORM.exec(cleaned);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as number[];
  if (makeDate(year ?? 0, month ?? 0, day ?? 0) === null || (hour ?? 0) > 23 || (minute ?? 0) > 59)
    return null;
  const zone = m[7] ?? 'Z';
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = /z/i.test(zone) ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second) - offset * 60_000;
  return dateInZone(utc, isValidTimeZone(timeZone) ? timeZone : DEFAULT_ZONE);
}

/**
 * Reads one of the accepted text forms; null if it is none of them. A date-time with an offset is read
 * in `timeZone` (the school's, from 设置), the plain forms as the wall-clock dates they are.
 */
export function parseDateText(text: string, timeZone: string = DEFAULT_ZONE): IsoDate | null {
  const cleaned = text.normalize('NFKC').trim();
  const instant = instantDate(cleaned, timeZone);
  if (instant !== undefined) return instant;
  for (const form of TEXT_FORMS) {
    const m = form.exec(cleaned);
    if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

const SERIAL_CACHE = new Map<number, IsoDate>();
/** Cell texts as read (null: empty, false: no date), so that a sheet costs one parse per distinct text. */
const TEXT_CACHE = new Map<string, IsoDate | null | false>();
const CACHE_LIMIT = 50_000;

/** A spreadsheet serial number (days since 1899-12-30, fraction = time of day) as a calendar date. */
export function serialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const day = Math.floor(serial + 1e-9);
  let date = SERIAL_CACHE.get(day);
  if (date === undefined) {
    date = new Date(SERIAL_EPOCH_UTC + day * DAY_MS).toISOString().slice(0, 10);
    if (SERIAL_CACHE.size >= CACHE_LIMIT) SERIAL_CACHE.clear();
    SERIAL_CACHE.set(day, date);
  }
  return date;
}

/** A calendar date as a spreadsheet serial number. */
export function dateToSerial(date: IsoDate): number {
  return Math.round((dayjs.utc(date).valueOf() - SERIAL_EPOCH_UTC) / DAY_MS);
}

/**
 * A spreadsheet serial number as the wall-clock text of its cell: 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm'
 * when it holds a time of day (seconds are dropped, as a 'HH:mm' format shows them). A serial is a
 * wall-clock date and time already, so no time zone is involved. Null for a number no date can be.
 */
export function serialToText(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  // To the millisecond first (a serial of 10:00 is 0.41666…), then down to the minute.
  const ms = Math.round(serial * DAY_MS);
  const day = Math.floor(ms / DAY_MS);
  const minutes = Math.floor((ms - day * DAY_MS) / 60_000);
  const date = new Date(SERIAL_EPOCH_UTC + day * DAY_MS).toISOString().slice(0, 10);
  return minutes === 0 ? date : `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A cell as a calendar date: ISO text as the adapters give date cells ('YYYY-MM-DD', with ' HH:mm'
 * when the cell holds a time), or text in one of the accepted forms typed by a person, or a plain
 * number read as a spreadsheet serial (see docs/rules.md, "Dates"). Cells carry wall-clock dates, so
 * no time zone is involved, except in a date-time text with an offset (an instant): that one is read in
 * `timeZone`, the school's. Returns null for an empty cell, undefined for a value that is not a date.
 */
export function parseDateCell(
  value: Cell | undefined,
  timeZone: string = DEFAULT_ZONE,
): IsoDate | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return serialToDate(value) ?? undefined;
  if (typeof value !== 'string') return undefined;
  // An instant's date depends on the zone: such a text is cached under the zone too (they are rare).
  const key =
    value.length > 12 && /[zZ]$|[+-]\d{2}:?\d{2}$/.test(value.trim()) ? `${timeZone}|${value}` : value;
  let date = TEXT_CACHE.get(key);
  if (date === undefined) {
    date = value.trim() === '' ? null : (parseDateText(value, timeZone) ?? false);
    if (TEXT_CACHE.size >= CACHE_LIMIT) TEXT_CACHE.clear();
    TEXT_CACHE.set(key, date);
  }
  return date === false ? undefined : date;
}

/** The calendar date of an instant in a time zone. */
export function dateInZone(instant: Date | number, timeZone: string): IsoDate {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD');
}

/** The date and time of an instant in a time zone, 'YYYY-MM-DD HH:mm'. */
export function dateTimeInZone(instant: Date | number, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD HH:mm');
}

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && parseDateText(text) === text;
}

export function isIsoMonth(text: string): boolean {
  return ISO_MONTH.test(text) && Number(text.slice(5)) >= 1 && Number(text.slice(5)) <= 12;
}

const ZONES = new Map<string, boolean>();

/** Whether a text is an IANA time zone the runtime knows (asked of Intl once per text). */
export function isValidTimeZone(zone: string): boolean {
  let valid = ZONES.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = zone.length > 0;
    } catch {
      valid = false;
    }
    if (ZONES.size >= 1000) ZONES.clear();
    ZONES.set(zone, valid);
  }
  return valid;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function dayOfMonth(date: IsoDate): number {
  return Number(date.slice(8, 10));
}

export function daysInMonth(month: IsoMonth): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function firstDay(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDay(month: IsoMonth): IsoDate {
  return `${month}-${pad(daysInMonth(month))}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD');
}

/** Whole days from one date to another (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((dayjs.utc(to).valueOf() - dayjs.utc(from).valueOf()) / DAY_MS);
}

/** The month before a given month, e.g. for "last month's report". */
export function previousMonth(month: IsoMonth): IsoMonth {
  return addMonths(month, -1);
}
