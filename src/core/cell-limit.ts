// Excel's cell limit (32,767 characters): texts longer are reported on their row, and shortened for .xlsx saying so.
import type { ParsedTable } from './grid';
import { FindingList } from './findings';
import { format, texts, type Lang } from './i18n/messages';
import { columnLetter } from './a1';
import type { TableKey } from './tables';

/** The most characters (UTF-16 code units, as Excel counts them) an .xlsx cell holds. */
export const XLSX_CELL_LIMIT = 32_767;

/**
 * A TEXT_TOO_LONG warning for every cell longer than Excel takes, in every table read (columns the school
 * added included). The row still counts: only an .xlsx written from it has to shorten the text.
 */
export function checkCellLengths(
  tables: Readonly<Partial<Record<TableKey, ParsedTable>>>,
  findings: FindingList[],
): void {
  for (const parsed of Object.values(tables)) {
    if (parsed === undefined) continue;
    let list: FindingList | undefined;
    const keyOf = new Map(Object.entries(parsed.columnIndex).map(([key, index]) => [index, key]));
    parsed.lines.forEach((line, i) => {
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (typeof cell !== 'string' || cell.length <= XLSX_CELL_LIMIT) continue;
        if (list === undefined) {
          list = new FindingList(parsed);
          findings.push(list);
        }
        const key = keyOf.get(c);
        list.warning(parsed.rowNumbers[i] ?? 0, key ?? '', 'TEXT_TOO_LONG', {
          column: key === undefined ? columnLetter(c) : (parsed.headers[key] ?? key),
          length: cell.length,
          limit: XLSX_CELL_LIMIT,
        });
      }
    });
  }
}

/** A text as an .xlsx cell can hold it, and whether it had to be shortened. */
export interface FittedCell {
  text: string;
  /** The original length when the text was shortened; undefined when it fits as it is. */
  shortenedFrom?: number;
}

/**
 * For the .xlsx writers: a text longer than Excel's limit is cut (never inside a surrogate pair) and ends
 * with a note in the school's language saying how long the original was, the whole within the limit.
 * A text that fits is given back unchanged.
 */
export function fitXlsxCell(text: string, lang: Lang, limit: number = XLSX_CELL_LIMIT): FittedCell {
  if (text.length <= limit) return { text };
  const note = format(texts(lang).robust.shortened, { length: text.length });
  let end = Math.max(0, limit - note.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end) + note, shortenedFrom: text.length };
}
