// The monthly report inside Google Sheets: the menu item (asks for the month) and the link the report email carries.
import { format, texts } from '../core/i18n/messages';
import { buildReportSheet } from '../app/report';
import { lastMonthOf, reportMonthOf } from '../app/report-month';
import type { Clock } from '../app/ports';
import { WorkbookSession } from '../app/session';
import { GasLock, LockBusyError } from './lock';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** A link that opens the spreadsheet on one sheet. */
export function sheetUrl(book: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: string): string {
  const found = book.getSheetByName(sheet);
  return found === null ? book.getUrl() : `${book.getUrl()}#gid=${found.getSheetId()}`;
}

/** Menu 生成月报: asks for the month (empty: last month) and builds its sheet under the document lock. */
export function promptMonthlyReport(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new GasWorkbook(book);
  const ui = SpreadsheetApp.getUi();
  const session = WorkbookSession.open(wb, systemClock);
  const { today } = session;
  const t = texts(session.lang).remind;
  const answer = ui.prompt(
    t.menu.report,
    format(t.reportPrompt, { month: lastMonthOf(today) }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const typed = answer.getResponseText();
  const month = reportMonthOf(typed, today);
  if (month === undefined) {
    ui.alert(format(t.reportBadMonth, { value: typed.trim() }));
    return;
  }
  let sheet: string;
  try {
    sheet = new GasLock().withLock(() => buildReportSheet(session, { month }).sheet);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    ui.alert(t.busy);
    return;
  }
  book.getSheetByName(sheet)?.activate();
  ui.alert(format(t.reportDone, { sheet }));
}
