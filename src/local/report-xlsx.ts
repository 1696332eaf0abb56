// A report document as its own .xlsx file: one sheet (月报 YYYY-MM, 学期报…, 年度总结) with the same tables as in the workbook.
import type { IsoMonth } from '../core/dates';
import type { ReportDocument } from '../core/report/report-document';
import { reportSheetName, writeDocumentSheet } from '../app/report';
import { newXlsx, type SaveResult } from './xlsx-workbook';

/** Writes a report document as one sheet of a new .xlsx (atomically); says how many texts were shortened. */
export async function writeDocumentXlsx(
  doc: ReportDocument,
  sheet: string,
  file: string,
): Promise<SaveResult> {
  const book = newXlsx();
  writeDocumentSheet(book, doc, sheet);
  return book.save(file);
}

/** Writes the report to `file` (atomically: a temporary file, then a rename); says how many texts were shortened. */
export async function writeReportXlsx(
  doc: ReportDocument,
  month: IsoMonth,
  file: string,
): Promise<SaveResult> {
  return writeDocumentXlsx(doc, reportSheetName(month, doc.lang), file);
}
