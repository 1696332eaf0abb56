// The semester and year summaries inside Google Sheets: the menu items 学期总结 (asks which semester) and 年度总结.
import { format, texts } from '../core/i18n/messages';
import { defaultSemester } from '../core/summary/scope';
import { buildSummarySheet, semesterList, summaryScopeOf, type SummaryRequest } from '../app/summary';
import type { Clock } from '../app/ports';
import { WorkbookSession } from '../app/session';
import { GasLock, LockBusyError } from './lock';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** Builds the summary asked for under the document lock, brings its sheet forward and says so. */
function buildAndShow(
  book: GoogleAppsScript.Spreadsheet.Spreadsheet,
  session: WorkbookSession,
  request: SummaryRequest,
): void {
  const ui = SpreadsheetApp.getUi();
  const t = texts(session.lang);
  const found = summaryScopeOf(session.campaign, request, session.today);
  if ('refusal' in found) {
    ui.alert(found.refusal);
    return;
  }
  let sheet: string;
  try {
    sheet = new GasLock().withLock(() => buildSummarySheet(session, found.scope).sheet);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    ui.alert(t.remind.busy);
    return;
  }
  book.getSheetByName(sheet)?.activate();
  ui.alert(format(t.summary.done, { sheet }));
}

/** Menu 学期总结: asks which semester (listing them; empty: the one of today, else the latest ended). */
export function promptSemesterSummary(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const session = WorkbookSession.open(new GasWorkbook(book), systemClock);
  const { campaign, today } = session;
  const t = texts(session.lang).summary;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    t.menuSemester,
    format(t.semesterPrompt, {
      semesters: semesterList(campaign),
      semester: defaultSemester(campaign, today)?.name ?? '',
    }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  buildAndShow(book, session, { kind: 'semester', name: answer.getResponseText() });
}

/** Menu 年度总结: the campaign year's summary, with the bureau's table on top. */
export function runYearSummary(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  buildAndShow(book, WorkbookSession.open(new GasWorkbook(book), systemClock), { kind: 'year' });
}
