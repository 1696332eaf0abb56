// The monthly report inside Google Sheets: the menu item (asks for the month) and the 1st-of-month run with its email.
import { addMonths, dateTimeInZone, monthOf, type IsoDate, type IsoMonth } from '../core/dates';
import { format, texts } from '../core/i18n/messages';
import { latestByKey, parseSendLog, sendLogSheet } from '../core/report/send-log';
import { buildReportSheet, mailReportSummary, reportMailKey, type ReportMailOutcome } from '../app/report';
import { loadOnSchoolDay } from '../app/remind';
import { lastMonthOf, reportMonthOf } from '../app/report-month';
import type { Clock, Lock, Mailer } from '../app/ports';
import { GasLock, LockBusyError } from './lock';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** A link that opens the spreadsheet on one sheet. */
function sheetUrl(book: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: string): string {
  const found = book.getSheetByName(sheet);
  return found === null ? book.getUrl() : `${book.getUrl()}#gid=${found.getSheetId()}`;
}

/** Menu 生成月报: asks for the month (empty: last month) and builds its sheet under the document lock. */
export function promptMonthlyReport(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new GasWorkbook(book);
  const ui = SpreadsheetApp.getUi();
  const { campaign, today } = loadOnSchoolDay(wb, systemClock);
  const t = texts(campaign.lang).remind;
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
    sheet = new GasLock().withLock(
      () =>
        buildReportSheet(wb, {
          month,
          today,
          generatedAt: dateTimeInZone(systemClock.now(), campaign.settings.timeZone),
        }).sheet,
    );
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    ui.alert(t.busy);
    return;
  }
  book.getSheetByName(sheet)?.activate();
  ui.alert(format(t.reportDone, { sheet }));
}

/**
 * The report part of the daily run: on the 1st, last month's report is built and its summary emailed;
 * on later days a summary that was deferred or failed is tried again. Returns what happened to the email.
 */
export function dailyReport(
  deps: { mailer: Mailer; lock: Lock; clock: Clock },
  today: IsoDate,
): ReportMailOutcome | null {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new GasWorkbook(book);
  const month: IsoMonth = addMonths(monthOf(today), -1);
  return deps.lock.withLock(() => {
    const { campaign } = loadOnSchoolDay(wb, deps.clock, today);
    const first = today.endsWith('-01');
    if (!first) {
      const log = parseSendLog(wb.read(sendLogSheet(campaign.lang)));
      const pending = latestByKey(log).get(reportMailKey(month));
      if (pending === undefined || pending.status === 'sent') return null;
    }
    const result = buildReportSheet(wb, {
      month,
      today,
      generatedAt: dateTimeInZone(deps.clock.now(), campaign.settings.timeZone),
    });
    return mailReportSummary(
      { wb, mailer: deps.mailer, clock: deps.clock },
      result,
      sheetUrl(book, result.sheet),
    );
  });
}
