// The monthly report as its own .xlsx file: one sheet 月报 YYYY-MM with the same tables as in the workbook.
import type { IsoMonth } from '../core/dates';
import type { ReportDocument } from '../core/report/report-document';
import { writeReportSheet } from '../app/report';
import { newXlsx } from './xlsx-workbook';

/** Writes the report to `file` (atomically: a temporary file, then a rename). */
export async function writeReportXlsx(doc: ReportDocument, month: IsoMonth, file: string): Promise<void> {
  const book = newXlsx();
  writeReportSheet(book, doc, month);
  await book.save(file);
}
