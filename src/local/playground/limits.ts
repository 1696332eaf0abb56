// What the playground takes from a page: cells within the sheet's limits on record sheets only, months and days within reach of today.
import { addDays, addMonths, monthOf, type IsoDate, type IsoMonth } from '../../core/dates';
import { format, texts, type Lang } from '../../core/i18n/messages';
import { tableOfSheet } from '../../core/tables';
import type { EditRequest } from '../../contract/playground-protocol';
import { XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, XLSX_MAX_TEXT } from '../xlsx-limits';

/**
 * Rows below the last used one that may be typed into: the page draws 20; a few more are allowed (a slow page),
 * never thousands (one cell at row 15,000,000 made every page load carry millions of empty rows).
 */
export const EDIT_ROWS_BELOW = 100;
/** Columns right of the sheet's last used one that may be typed into (the page draws the used ones). */
export const EDIT_COLUMNS_RIGHT = 26;
/** How far from today a report month or a daily-job day may lie. */
const YEARS_BACK = 10;
const MONTHS_AHEAD = 12;

/** Why an edit is refused, in the school's words; undefined when it may be made. */
export function editRefusal(
  request: EditRequest,
  used: { rows: number; columns: number },
  lang: Lang,
): string | undefined {
  const t = texts(lang).files;
  // 进度, 月报, the logs: generated, and rewritten whole by the next recompute or report.
  if (tableOfSheet(request.sheet) === undefined) return format(t.editGenerated, { sheet: request.sheet });
  const maxRow = Math.min(XLSX_MAX_ROWS, used.rows + EDIT_ROWS_BELOW);
  const maxCol = Math.min(XLSX_MAX_COLUMNS, used.columns + EDIT_COLUMNS_RIGHT);
  if (request.row > maxRow || request.col + 1 > maxCol)
    return format(t.editOutside, { row: request.row, col: request.col + 1, maxRow, maxCol });
  return undefined;
}

/** Whether a typed text is longer than a cell holds (it is then shortened, and the page told so). */
export function tooLongForCell(text: string): boolean {
  return text.length > XLSX_MAX_TEXT;
}

/** The report months within reach of today: ten years back to a year ahead. */
export function monthRange(today: IsoDate): { first: IsoMonth; last: IsoMonth } {
  const now = monthOf(today);
  return { first: addMonths(now, -12 * YEARS_BACK), last: addMonths(now, MONTHS_AHEAD) };
}

/** Why a report month is refused (9999-12), or undefined. */
export function monthRefusal(month: IsoMonth, typed: string, today: IsoDate, lang: Lang): string | undefined {
  const { first, last } = monthRange(today);
  if (month >= first && month <= last) return undefined;
  return format(texts(lang).files.monthOutOfReach, { value: typed.trim() || month, first, last });
}

/** Why a daily-job day is refused (9999-12-01), or undefined. */
export function dayRefusal(day: IsoDate, typed: string, today: IsoDate, lang: Lang): string | undefined {
  const first = `${monthRange(today).first}-01`;
  const last = addDays(today, 366);
  if (day >= first && day <= last) return undefined;
  return format(texts(lang).files.dayOutOfReach, { value: typed.trim() || day, first, last });
}
