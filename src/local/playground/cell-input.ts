// Text typed into a playground cell as the value a spreadsheet would store: dates in date columns, numbers in number columns.
import type { Cell } from '../../core/grid';
import { columnOfHeader } from '../../core/grid';
import { dateToSerial, parseDateText } from '../../core/dates';
import { TABLES, tableOfSheet } from '../../core/tables';

/** The kind of a column, found by the sheet's name and the column's header text (either language). */
function columnKind(sheet: string, header: string): string | undefined {
  const table = tableOfSheet(sheet);
  if (table === undefined) return undefined;
  const key = columnOfHeader(table, header);
  return TABLES[table].columns.find((c) => c.key === key)?.kind;
}

/**
 * Like Google Sheets with set-up's validation: a date typed into a date column becomes a date value (in
 * .xlsx, the serial number of a cell whose column set-up formats as yyyy-mm-dd), a number into a number
 * column a number; anything else is kept exactly as typed (a bad date stays text, and the check says so).
 * Nothing typed is trimmed or rewritten.
 */
export function typedCell(sheet: string, header: string, text: string): Cell {
  if (text === '') return null;
  const kind = columnKind(sheet, header);
  if (kind === 'date') {
    const iso = parseDateText(text);
    if (iso !== null) return dateToSerial(iso);
  }
  if (kind === 'number' && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text);
  return text;
}
