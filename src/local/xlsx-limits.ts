// The limits of an .xlsx sheet (rows, columns, characters in a cell), and the writer's side of the text limit: longer texts shortened, and counted so the command can say so.
import type { Workbook } from 'exceljs';
import { fitXlsxCell, XLSX_CELL_LIMIT } from '../core/cell-limit';
import type { Lang } from '../core/i18n/messages';

/** Rows of a worksheet in Excel (and so in an .xlsx). */
export const XLSX_MAX_ROWS = 1_048_576;
/** Columns of a worksheet (XFD). */
export const XLSX_MAX_COLUMNS = 16_384;
/** Characters a cell may hold; Excel calls a file with a longer text damaged. */
export const XLSX_MAX_TEXT = XLSX_CELL_LIMIT;

/** A text cut to the cell limit, ending with a note of how long it was (core's fitXlsxCell: one rule). */
export function shortenText(text: string, lang: Lang = 'zh'): string {
  return fitXlsxCell(text, lang).text;
}

interface RichText {
  richText: { text: string }[];
}

/**
 * Shortens every text of the workbook longer than a cell may hold (plain and rich text, in every sheet) and
 * returns how many cells it shortened. Run by each save, just before the bytes are made.
 */
export function shortenLongTexts(book: Workbook, lang: Lang = 'zh'): number {
  let shortened = 0;
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === 'string') {
          if (value.length > XLSX_MAX_TEXT) {
            cell.value = shortenText(value, lang);
            shortened++;
          }
        } else if (typeof value === 'object' && value !== null && 'richText' in value) {
          const parts = (value as RichText).richText;
          const total = parts.reduce((n, p) => n + p.text.length, 0);
          if (total > XLSX_MAX_TEXT) {
            cell.value = shortenText(parts.map((p) => p.text).join(''), lang);
            shortened++;
          }
        }
      });
    });
  }
  return shortened;
}
