// Reminders inside Google Sheets: enable/disable the daily trigger, the preview and health dialogs, the daily run.
import { dateTimeInZone } from '../core/dates';
import { format, texts, type Lang } from '../core/i18n/messages';
import { reminderPreviewHtml } from '../core/report/reminder-preview';
import { runDailyJob as runDaily } from '../app/daily';
import { healthHtml, healthOf, HEALTH_TABLES } from '../app/health';
import { workbookLanguage } from '../app/language';
import type { Clock, Store } from '../app/ports';
import { runReminders } from '../app/remind';
import { dailyJobTrigger, disableDailyJob, enableDailyJob } from '../app/scheduler';
import { WorkbookSession } from '../app/session';
import { GasLock, LockBusyError } from './lock';
import { MailAppMailer } from './mailer';
import { sheetUrl } from './report';
import { GasScheduler } from './triggers';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** The document's own properties (shared by everyone using it): the last run's outcome lives here. */
class DocumentStore implements Store {
  get(key: string): string | null {
    return PropertiesService.getDocumentProperties().getProperty(key);
  }
  set(key: string, value: string): void {
    PropertiesService.getDocumentProperties().setProperty(key, value);
  }
}

function dialog(html: string, title: string, width = 560, height = 480): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

function languageNow(): Lang {
  return workbookLanguage(new GasWorkbook(), 'zh');
}

/** Menu 启用自动提醒: one daily trigger at the reminder hour of 设置, in its time zone (replacing this user's). */
export function enableReminders(): void {
  const session = WorkbookSession.open(new GasWorkbook(), systemClock, { only: HEALTH_TABLES });
  const { reminderHour, timeZone } = session.campaign.settings;
  const t = texts(session.lang);
  const installedAt = dateTimeInZone(session.now, timeZone);
  const change = enableDailyJob(new GasScheduler(), reminderHour, timeZone, installedAt);
  SpreadsheetApp.getUi().alert(
    change.done
      ? format(t.remind.enabled, { hour: reminderHour, timeZone })
      : format(t.reminderTrigger.enableOwnedByOther, { owner: change.owner }),
  );
}

/** Menu 停用自动提醒: only the person who enabled the reminders can (the trigger is theirs). */
export function disableReminders(): void {
  const change = disableDailyJob(new GasScheduler());
  const t = texts(languageNow());
  SpreadsheetApp.getUi().alert(
    change.done ? t.remind.disabled : format(t.reminderTrigger.disableOwnedByOther, { owner: change.owner }),
  );
}

/** Menu 提醒预览: exactly the messages a run now would send; nothing is sent, nothing is written. */
export function showReminderPreview(): void {
  const session = WorkbookSession.open(new GasWorkbook(), systemClock);
  const result = runReminders(
    session,
    { mailer: new MailAppMailer(), lock: new GasLock(), clock: systemClock },
    { dryRun: true },
  );
  dialog(reminderPreviewHtml(result.plan, session.lang), texts(session.lang).remind.previewTitle, 640, 560);
}

/** Menu 运行状况: the trigger, the last run, mails sent today, quota left, deferred and failed. */
export function showHealth(): void {
  const session = WorkbookSession.open(new GasWorkbook(), systemClock, { only: HEALTH_TABLES });
  const health = healthOf(session, {
    mailer: new MailAppMailer(),
    store: new DocumentStore(),
    trigger: dailyJobTrigger(new GasScheduler()),
  });
  dialog(healthHtml(health, session.lang), texts(session.lang).health.title, 420, 360);
}

/**
 * The daily trigger: the daily job of src/app on one session (the workbook read once). The lock is taken
 * for the report, then for the reminders' plan and for each mail only, each time waiting up to 60 s.
 */
export function runDailyJob(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = runDaily(WorkbookSession.open(new GasWorkbook(book), systemClock), {
    mailer: new MailAppMailer(),
    clock: systemClock,
    lock: new GasLock(60_000),
    store: new DocumentStore(),
    sheetLink: (sheet) => sheetUrl(book, sheet),
    // Each log row is applied to the sheet before the lock is let go and the next mail sent.
    journal: { logged: () => SpreadsheetApp.flush() },
    isBusy: (error) => error instanceof LockBusyError,
  });
  // The reminders still ran; the report's error shows in the log of executions.
  for (const error of outcome.errors) console.error(error);
}
