// A report or summary document as aligned plain-text tables for a terminal.
import type { ReportDocument } from '../../core/report/report-document';
import { textTable } from '../text-table';

/** The report as aligned plain-text tables for a terminal. */
export function reportText(doc: ReportDocument): string {
  const colon = doc.lang === 'en' ? ': ' : '：';
  const lines: string[] = [doc.title, ...doc.header.map(([k, v]) => `${k}${colon}${v}`)];
  if (doc.notice !== null) lines.push('', doc.notice);
  for (const table of doc.tables) {
    lines.push('', table.title);
    if (table.rows.length === 0) {
      lines.push(table.emptyText);
      continue;
    }
    const numeric = new Set(
      table.columns.map((_, c) => c).filter((c) => typeof table.rows[0]?.[c] === 'number'),
    );
    lines.push(
      ...textTable(
        table.columns,
        table.rows.map((row) => row.map(String)),
        numeric,
      ),
    );
  }
  return lines.join('\n');
}
