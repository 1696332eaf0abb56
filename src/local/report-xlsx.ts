// The monthly report as its own .xlsx file: one sheet 月报 YYYY-MM with the same tables as in the workbook.
import type { IsoMonth } from '../core/dates';
import type { ReportDocument } from '../core/report/report-document';
import { writeReportSheet } from '../app/report';
import { newXlsx, type SaveResult } from './xlsx-workbook';

/** Writes the report to `file` (atomically: a temporary file, then a rename); says how many texts were shortened. */
export async function writeReportXlsx(
  doc: ReportDocument,
  month: IsoMonth,
  file: string,
): Promise<SaveResult> {
  const book = newXlsx();
  writeReportSheet(book, doc, month);
  return book.save(file);
}
