// The daily job (§5): on the 1st last month's report and its email, a pending report email retried, then the reminders.
import { addMonths, monthOf, type IsoMonth } from '../core/dates';
import { latestByKey, parseSendLog, sendLogSheet } from '../core/report/send-log';
import type { Clock, Lock, Mailer, Store } from './ports';
import { runReminders, type RemindResult, type SendJournal } from './remind';
import { buildReportSheet, mailReportSummary, reportMailKey, type ReportMailOutcome } from './report';
import type { WorkbookSession } from './session';

export interface DailyPorts {
  mailer: Mailer;
  /** Stamps the 发送日志 rows. */
  clock: Clock;
  /** Taken for the report, then for the reminders' plan and each mail. */
  lock: Lock;
  /** Where the reminder run's outcome is kept for the health panel. */
  store?: Store;
  /** A link that opens the workbook on a sheet (the report email carries it). */
  sheetLink(sheet: string): string;
  /** Makes each 发送日志 row durable before the next mail (Apps Script: SpreadsheetApp.flush()). */
  journal?: SendJournal;
  /** Whether an error means the lock was busy: that part is skipped, the rest still runs. */
  isBusy?(error: unknown): boolean;
}

export interface DailyOutcome {
  /** The report email of last month: what happened to it, or null when nothing was due. */
  report: ReportMailOutcome | null;
  /** The reminder run, or null when the lock was busy. */
  reminders: RemindResult | null;
  /** Errors of the report part (the reminders still ran), as text. */
  errors: string[];
}

/**
 * The report part: on the 1st, last month's report is built and its summary emailed; on later days a
 * summary that was deferred or failed is tried again (report and mail from the campaign in hand).
 */
export function dailyReport(session: WorkbookSession, ports: DailyPorts): ReportMailOutcome | null {
  const month: IsoMonth = addMonths(monthOf(session.today), -1);
  return ports.lock.withLock(() => {
    if (!session.today.endsWith('-01')) {
      const log = parseSendLog(session.workbook.read(sendLogSheet(session.lang)));
      const pending = latestByKey(log).get(reportMailKey(month));
      if (pending === undefined || pending.status === 'sent') return null;
    }
    const result = buildReportSheet(session, { month });
    return mailReportSummary(
      { wb: session.workbook, mailer: ports.mailer, clock: ports.clock },
      result,
      ports.sheetLink(result.sheet),
    );
  });
}

/**
 * The whole daily job on one session (the workbook read once, the campaign loaded once): the report part,
 * then the reminder run (on reminder days new reminders, every day the deferred and failed ones). A busy
 * lock skips a part; any other error of the report part is kept and the reminders still run.
 */
export function runDailyJob(session: WorkbookSession, ports: DailyPorts): DailyOutcome {
  const busy = (error: unknown) => ports.isBusy?.(error) === true;
  const errors: string[] = [];
  let report: ReportMailOutcome | null = null;
  try {
    report = dailyReport(session, ports);
  } catch (error) {
    if (!busy(error)) errors.push(error instanceof Error ? error.message : String(error));
  }
  let reminders: RemindResult | null = null;
  try {
    const { mailer, lock, clock, store, journal } = ports;
    reminders = runReminders(session, { mailer, lock, clock, store, journal });
  } catch (error) {
    if (!busy(error)) throw error;
  }
  return { report, reminders, errors };
}
