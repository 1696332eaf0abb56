// One worksheet part read into the engine's grid: cell values only, as the exceljs adapter's read() gives them.
import type { Cell, Grid } from '../../core/grid';
import { dateCellOfSerial, dateToSerialNumber, serialNumberToDate } from '../xlsx-cells';
import { StringItemText } from './parts';
import { parsePart } from './xml';
import type { ZipArchive } from './zip';

/** What a sheet's cells refer to outside the sheet. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** By cell style index: whether its number format shows a date or time. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Days from 1900-01-00 (the 1900 system's serial 0) to 1904-01-01 (the 1904 system's). */
const DAYS_1904 = 1462;

/** "AB12" → 28 (1-based column); 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return column;
}

/** "B3" → [3, 2] (1-based row, column); undefined for anything else. */
function cellAddress(ref: string): [number, number] | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (match === null) return undefined;
  return [Number(match[2]), columnOf(match[1] as string)];
}

/** A number under a date format, as the engine's date cell (through the one function that makes them). */
function dateCell(value: number, date1904: boolean): Cell {
  // Through a Date and back, as exceljs does, so both readers give the same serial to the millisecond.
  const serial = dateToSerialNumber(serialNumberToDate(date1904 ? value + DAYS_1904 : value));
  return serial === null ? null : dateCellOfSerial(serial);
}

/** An ISO 8601 date cell (t="d", rare): its serial number, read as written, with no time zone. */
function isoDateCell(text: string): Cell {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(zoned) ? `${zoned}T00:00:00Z` : zoned);
  const serial = Number.isNaN(ms) ? null : dateToSerialNumber(new Date(ms));
  return serial === null ? text : dateCellOfSerial(serial);
}

/**
 * The grid of a worksheet part, exactly as XlsxWorkbook.read gives it: rows 1 to the last holding a value,
 * columns A to the last holding one, null for empty cells ('' included), a merged range's value in its
 * top-left cell only, formulas as their cached value, strings whole (rich text joined, phonetic guides
 * left out), dates through dateCellOfSerial. Throws saxes's or the zip's error for a damaged part.
 */
export function readSheetGrid(zip: ZipArchive, part: string, context: SheetContext): Grid {
  const { sharedStrings, dateStyles, date1904 } = context;
  const rows: Cell[][] = [];
  const merges: string[] = [];

  let rowNumber = 0;
  let column = 0;
  let inCell = false;
  let style = 0;
  let type = 'n';
  let valueText: string | undefined;
  let inValue = false;
  let inline = false;
  const item = new StringItemText();

  function cellValue(): Cell {
    if (type === 'inlineStr' || (inline && valueText === undefined)) return item.value() ?? valueText ?? null;
    if (valueText === undefined || valueText === '') return null;
    switch (type) {
      case 's':
        return sharedStrings[Number.parseInt(valueText, 10)] ?? null;
      case 'str':
      case 'e':
        return valueText;
      case 'b':
        return Number.parseInt(valueText, 10) !== 0;
      case 'd':
        return isoDateCell(valueText);
      default: {
        const number = Number.parseFloat(valueText);
        return dateStyles[style] === true ? dateCell(number, date1904) : number;
      }
    }
  }

  parsePart(zip, part, {
    open(name, attributes) {
      if (inCell) {
        if (name === 'v') {
          inValue = true;
        } else if (name === 'is') {
          inline = true;
        } else item.open(name);
        return;
      }
      if (name === 'c') {
        inCell = true;
        const ref = attributes.r;
        column = ref === undefined ? column + 1 : columnOf(ref) || column + 1;
        style = attributes.s === undefined ? 0 : Number.parseInt(attributes.s, 10);
        type = attributes.t ?? 'n';
        valueText = undefined;
        inValue = false;
        inline = false;
        item.start();
      } else if (name === 'row') {
        const r = attributes.r;
        rowNumber = r === undefined ? rowNumber + 1 : Number.parseInt(r, 10);
        column = 0;
      } else if (name === 'mergeCell' && attributes.ref !== undefined) {
        merges.push(attributes.ref);
      }
    },
    close(name) {
      if (!inCell) return;
      if (name === 'c') {
        inCell = false;
        const value = cellValue();
        if (value === null || value === '' || !(rowNumber >= 1) || !(column >= 1)) return;
        let row = rows[rowNumber - 1];
        if (row === undefined) row = rows[rowNumber - 1] = [];
        row[column - 1] = value;
      } else if (name === 'v') {
        inValue = false;
      } else item.close(name);
    },
    text(text) {
      if (!inCell) return;
      if (inValue) valueText = valueText === undefined ? text : valueText + text;
      else item.text(text);
    },
  });

  // A merged range shows its top-left cell's value only, as in Google Sheets.
  for (const ref of merges) {
    const [from, to = from] = ref.split(':');
    const first = cellAddress(from ?? '');
    const last = cellAddress(to ?? '');
    if (first === undefined || last === undefined) continue;
    const [top, bottom] = first[0] <= last[0] ? [first[0], last[0]] : [last[0], first[0]];
    const [left, right] = first[1] <= last[1] ? [first[1], last[1]] : [last[1], first[1]];
    for (let r = top; r <= Math.min(bottom, rows.length); r++) {
      const row = rows[r - 1];
      if (row === undefined) continue;
      for (let c = r === top ? left + 1 : left; c <= Math.min(right, row.length); c++) delete row[c - 1];
    }
  }

  let lastRow = 0;
  let width = 0;
  rows.forEach((row, r) => {
    let used = 0;
    row.forEach((_, c) => {
      used = c + 1;
    });
    if (used > 0) lastRow = r + 1;
    if (used > width) width = used;
  });
  // The parsed rows become the grid's rows, holes filled with null, so no second copy is made.
  const grid: Grid = new Array<Cell[]>(lastRow);
  for (let r = 0; r < lastRow; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
    row.length = width;
    grid[r] = row;
  }
  return grid;
}
