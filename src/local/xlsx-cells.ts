// Cell values between exceljs and the engine: date cells as ISO text of their serials, formulas and links as their text.
import type { CellValue } from 'exceljs';
import type { Cell } from '../core/grid';
import { serialToText } from '../core/dates';

const DAY_MS = 86_400_000;
/** Days from the spreadsheet epoch (1899-12-30) to the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A JS Date as exceljs builds it from a date cell (the serial read as if it were UTC) back to the
 * serial number, so the engine reads the calendar date whatever the machine's time zone.
 */
export function dateToSerialNumber(date: Date): number | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** A serial number as the Date exceljs writes back to the same serial. */
export function serialNumberToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS));
}

/**
 * The engine cell of a date-formatted spreadsheet cell, from its serial number: the one place where an .xlsx
 * date becomes what core reads (the exceljs adapter and the fast values reader both come through here).
 * A serial is a wall-clock date (and time), so its ISO text involves no time zone: 'YYYY-MM-DD', or
 * 'YYYY-MM-DD HH:mm' when it holds a time of day. A number no date can be stays a number.
 */
export function dateCellOfSerial(serial: number): Cell {
  return serialToText(serial) ?? serial;
}

/** One exceljs cell value as an engine cell. */
export function fromExcel(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const serial = dateToSerialNumber(value);
    return serial === null ? null : dateCellOfSerial(serial);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: CellValue }).result;
      return fromExcel(result ?? null);
    }
    if ('hyperlink' in value) return fromExcel((value as { text: CellValue }).text);
    if ('error' in value) return String(value.error);
    if ('text' in value) return fromExcel((value as { text: CellValue }).text);
  }
  return String(value);
}

/** An engine cell as the value exceljs stores: strings stay strings (never a formula), Dates stay Dates. */
export function toExcel(cell: Cell | undefined): CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell;
}
