// Calendar dates and quota months: spreadsheet date values and the plan's text forms, in the school's time zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

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

/** 2027-04-05, 2027/4/5, 2027.4.5, 2027年4月5日 (日 optional), each with an optional time after it. */
const TEXT_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/,
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds a date from parts, or null if the day does not exist (2027-02-30). */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(`${pad(year, 4)}-${pad(month)}`)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Reads one of the accepted text forms; null if it is none of them. */
export function parseDateText(text: string): IsoDate | null {
  const cleaned = text.normalize('NFKC').trim();
  for (const form of TEXT_FORMS) {
    const m = form.exec(cleaned);
    if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

const SERIAL_CACHE = new Map<number, IsoDate>();

/** A spreadsheet serial number (days since 1899-12-30, fraction = time of day) as a calendar date. */
export function serialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const day = Math.floor(serial + 1e-9);
  let date = SERIAL_CACHE.get(day);
  if (date === undefined) {
    date = new Date(SERIAL_EPOCH_UTC + day * DAY_MS).toISOString().slice(0, 10);
    if (SERIAL_CACHE.size > 50_000) SERIAL_CACHE.clear();
    SERIAL_CACHE.set(day, date);
  }
  return date;
}

/** A calendar date as a spreadsheet serial number. */
export function dateToSerial(date: IsoDate): number {
  return Math.round((dayjs.utc(date).valueOf() - SERIAL_EPOCH_UTC) / DAY_MS);
}

/**
 * Any cell as a calendar date in the school's time zone: a Date (an instant, as Apps Script gives
 * date cells), a serial number (as .xlsx stores them), or text in an accepted form.
 * Returns null for an empty cell, undefined for a value that is not a date.
 */
export function parseDateCell(value: unknown, timeZone: string): IsoDate | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return dayjs(value).tz(timeZone).format('YYYY-MM-DD');
  }
  if (typeof value === 'number') return serialToDate(value) ?? undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    return parseDateText(value) ?? undefined;
  }
  return undefined;
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

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
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
