// Reminders inside Google Sheets: enable/disable the daily trigger, the preview and health dialogs, the daily run.
import { format, texts, type Lang } from '../core/i18n/messages';
import { reminderPreviewHtml } from '../core/report/reminder-preview';
import { runReminders, loadOnSchoolDay } from '../app/remind';
import { healthHtml, healthOf } from '../app/health';
import type { Clock, Store } from '../app/ports';
import { workbookLanguage } from '../app/language';
import { GasLock, LockBusyError } from './lock';
import { MailAppMailer } from './mailer';
import { dailyReport } from './report';
import { dailyTrigger, installDailyTrigger, removeDailyTrigger } from './triggers';
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
  const { campaign } = loadOnSchoolDay(new GasWorkbook(), systemClock);
  const { reminderHour, timeZone } = campaign.settings;
  const t = texts(campaign.lang);
  const change = installDailyTrigger(reminderHour, timeZone);
  SpreadsheetApp.getUi().alert(
    change.done
      ? format(t.remind.enabled, { hour: reminderHour, timeZone })
      : format(t.reminderTrigger.enableOwnedByOther, { owner: change.owner }),
  );
}

/** Menu 停用自动提醒: only the person who enabled the reminders can (the trigger is theirs). */
export function disableReminders(): void {
  const change = removeDailyTrigger();
  const t = texts(languageNow());
  SpreadsheetApp.getUi().alert(
    change.done ? t.remind.disabled : format(t.reminderTrigger.disableOwnedByOther, { owner: change.owner }),
  );
}

/** Menu 提醒预览: exactly the messages a run now would send; nothing is sent, nothing is written. */
export function showReminderPreview(): void {
  const wb = new GasWorkbook();
  const result = runReminders(
    { wb, mailer: new MailAppMailer(), lock: new GasLock(), clock: systemClock },
    { dryRun: true },
  );
  const lang = languageNow();
  dialog(reminderPreviewHtml(result.plan, lang), texts(lang).remind.previewTitle, 640, 560);
}

/** Menu 运行状况: the trigger, the last run, mails sent today, quota left, deferred and failed. */
export function showHealth(): void {
  const health = healthOf({
    wb: new GasWorkbook(),
    mailer: new MailAppMailer(),
    store: new DocumentStore(),
    clock: systemClock,
    trigger: dailyTrigger(),
  });
  const lang = languageNow();
  dialog(healthHtml(health, lang), texts(lang).health.title, 420, 360);
}

/**
 * The daily trigger: on the 1st, last month's report and its email to the report recipients; then the
 * reminder run (on reminder days new reminders, every day the deferred and failed ones).
 */
export function runDailyJob(): void {
  const mailer = new MailAppMailer();
  // Taken for the plan, then for each mail only (a save waits at most one mail), each time waiting up to 60 s.
  const lock = new GasLock(60_000);
  const store = new DocumentStore();
  const { today } = loadOnSchoolDay(new GasWorkbook(), systemClock);
  try {
    dailyReport({ mailer, lock, clock: systemClock }, today);
  } catch (error) {
    // The reminders still run; any other error shows in the log of executions.
    if (!(error instanceof LockBusyError)) console.error(error);
  }
  try {
    runReminders({ wb: new GasWorkbook(), mailer, lock, clock: systemClock, store }, { today });
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
  }
}
