// The reminder run (§5): plan under the document lock, then lock each send and its 发送日志 row (made durable before the next mail); quota, deferral, retries.
import type { Campaign } from '../core/model';
import type { Cell } from '../core/grid';
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { texts } from '../core/i18n/messages';
import { planReminders, type ReminderItem, type ReminderPlan } from '../core/report/reminders';
import type { ReminderKind } from '../core/report/reminder-content';
import {
  LOG_COLUMNS,
  latestByKey,
  parseSendLog,
  sendLogHeader,
  sendLogRow,
  sendLogSheet,
  type SendLogEntry,
  type SendStatus,
} from '../core/report/send-log';
import type { Clock, Lock, Mailer, Store, WorkbookPort } from './ports';
import type { WorkbookSession } from './session';

/** The Store key of the last run's outcome (read by the health panel). */
export const LAST_RUN_KEY = 'visitLedger.reminders.lastRun';

export interface LastRun {
  /** 'YYYY-MM-DD HH:mm' in the school's time zone. */
  at: string;
  today: IsoDate;
  ok: boolean;
  sent: number;
  deferred: number;
  failed: number;
  error: string;
}

/** A message as `remind --json` prints it (§6): its kind, the units it covers, the plain-text body. */
export interface OutgoingMessage {
  to: string;
  name: string;
  kind: ReminderKind;
  units: string[];
  month: string;
  subject: string;
  body: string;
}

export interface RemindResult {
  today: IsoDate;
  reminderDay: boolean;
  /** Sent (or, in a dry run, that would be sent), in order. */
  messages: OutgoingMessage[];
  /** Left for the next run for lack of quota. */
  deferred: number;
  failed: number;
  /** Each sent message as mailed (HTML included), in order; for previews. */
  plan: ReminderPlan;
}

/**
 * Makes 发送日志 rows durable as soon as they are appended, where the workbook itself is saved later (offline:
 * the .xlsx is written once at the end of a run, so each row goes first to an fsync'd journal beside it).
 * Called under the lock, after the append and before the next mail is sent; it must not return before the
 * rows would survive the process being killed.
 */
export interface SendJournal {
  logged(rows: readonly Cell[][]): void;
}

export interface RemindDeps {
  mailer: Mailer;
  lock: Lock;
  clock: Clock;
  /** Where the last run's outcome is kept for the health panel (optional offline). */
  store?: Store;
  /** Where appended 发送日志 rows are made durable at once (absent: the append itself is durable). */
  journal?: SendJournal;
}

export interface RemindOptions {
  /**
   * Shows what would be sent: sends nothing, writes nothing. On a day that is not a reminder day it shows
   * what the next reminder day would send, as of today's figures (`plan.forDay` says which day).
   */
  dryRun?: boolean;
}

function messageOf(item: ReminderItem): OutgoingMessage {
  return {
    to: item.to,
    name: item.name,
    kind: item.kind,
    units: item.units,
    month: item.month,
    subject: item.mail.subject,
    body: item.mail.text,
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'error';
}

/** Makes the log sheet if it is missing (header, frozen, every column stored as text, protected). */
export function ensureSendLog(wb: WorkbookPort, campaign: Campaign): string {
  const sheet = sendLogSheet(campaign.lang);
  if (!wb.sheetNames().includes(sheet)) {
    wb.create(sheet, sendLogHeader(campaign.lang), {
      frozenRows: 1,
      widths: [130, 200, 90, 80, 110, 80, 80, 240, 260],
      textColumns: LOG_COLUMNS.map((_, i) => i),
      protect: true,
    });
  }
  return sheet;
}

/** The plan of the session's day: the campaign in hand, the log as it is now (one read of 发送日志). */
function plan(session: WorkbookSession, deps: RemindDeps, preview = false) {
  const { campaign, today, workbook } = session;
  const log = parseSendLog(workbook.read(sendLogSheet(campaign.lang)));
  const quota = deps.mailer.remainingQuota();
  return { campaign, today, plan: planReminders(campaign, today, log, quota, { preview }) };
}

/** The latest entry of every key in the log as it is now (another run may have written since the plan). */
function latestNow(wb: WorkbookPort, sheet: string): { latest: Map<string, SendLogEntry>; header: Cell[] } {
  const grid = wb.read(sheet);
  return { latest: latestByKey(parseSendLog(grid)), header: grid?.[0] ?? [] };
}

/** What one locked attempt did with a planned message. */
type Attempt = 'sent' | 'failed' | 'alreadySent' | 'noQuota';

/** The counts of a real run so far (kept for the health panel even when the run stops early). */
interface Progress {
  today: IsoDate | '';
  sent: number;
  deferred: number;
  failed: number;
}

/**
 * One reminder run. A dry run only plans. A real run plans under the document lock, then takes the lock
 * again for each message only: it re-reads the log, skips a key another run has sent meanwhile, checks the
 * quota, sends and logs the attempt at once, and lets go, so a save can get the lock between two mails
 * and a run cut short never sends twice. What did not fit in the quota is then logged as deferred.
 */
export function runReminders(
  session: WorkbookSession,
  deps: RemindDeps,
  options: RemindOptions = {},
): RemindResult {
  if (options.dryRun) {
    const { today, plan: p } = plan(session, deps, true);
    return {
      today,
      reminderDay: p.reminderDay,
      messages: p.send.map(messageOf),
      deferred: p.defer.length,
      failed: 0,
      plan: p,
    };
  }
  let timeZone = 'UTC';
  const progress: Progress = { today: session.today, sent: 0, deferred: 0, failed: 0 };
  const remember = (error: string) =>
    deps.store?.set(
      LAST_RUN_KEY,
      JSON.stringify({
        at: dateTimeInZone(deps.clock.now(), timeZone),
        ...progress,
        ok: error === '',
        error,
      }),
    );
  try {
    const outcome = deliver(session, deps, progress, (zone) => (timeZone = zone));
    remember('');
    return outcome;
  } catch (error) {
    remember(errorText(error));
    throw error;
  }
}

function deliver(
  session: WorkbookSession,
  deps: RemindDeps,
  progress: Progress,
  setTimeZone: (zone: string) => void,
): RemindResult {
  const { mailer, lock } = deps;
  const wb = session.workbook;
  const { campaign, today, p, sheet } = lock.withLock(() => {
    const planned = plan(session, deps);
    return { ...planned, p: planned.plan, sheet: ensureSendLog(wb, planned.campaign) };
  });
  progress.today = today;
  setTimeZone(campaign.settings.timeZone);
  const lang = campaign.lang;
  const entry = (item: ReminderItem, status: SendStatus, reason = ''): SendLogEntry => ({
    key: item.key,
    time: dateTimeInZone(deps.clock.now(), campaign.settings.timeZone),
    to: item.to,
    name: item.name,
    unit: item.units.join(lang === 'en' ? ', ' : '、'),
    month: item.month,
    status,
    reason,
  });

  const messages: OutgoingMessage[] = [];
  const noRoom: ReminderItem[] = [];
  for (const item of p.send) {
    const attempt = lock.withLock((): Attempt => {
      const { latest, header } = latestNow(wb, sheet);
      if (latest.get(item.key)?.status === 'sent') return 'alreadySent';
      if (mailer.remainingQuota() < 1) return 'noQuota';
      let logged: SendLogEntry;
      try {
        mailer.send(item.mail);
        logged = entry(item, 'sent');
      } catch (error) {
        logged = entry(item, 'failed', errorText(error));
      }
      // Log, then next: the row is appended and made durable before the lock is let go, so no later mail is
      // sent while this one could still be forgotten by a crash (in Sheets the append under the lock; offline
      // the journal's fsync'd line).
      const row = sendLogRow(logged, lang, header);
      wb.append(sheet, [row]);
      deps.journal?.logged([row]);
      return logged.status === 'sent' ? 'sent' : 'failed';
    });
    if (attempt === 'sent') {
      messages.push(messageOf(item));
      progress.sent++;
    } else if (attempt === 'failed') progress.failed++;
    else if (attempt === 'noQuota') noRoom.push(item);
  }

  const deferred = [...noRoom, ...p.defer];
  progress.deferred = deferred.length;
  if (deferred.length > 0 || p.noEmail.length > 0) {
    const reasons = texts(lang).remind.reasons;
    lock.withLock(() => {
      const { latest, header } = latestNow(wb, sheet);
      // A reminder already waiting as deferred is not logged again until it is tried.
      const waiting = (item: ReminderItem) => {
        const status = latest.get(item.key)?.status;
        return status !== 'sent' && status !== 'deferred';
      };
      const unknown = p.noEmail.filter((item) => !latest.has(item.key));
      const rows = [
        ...unknown.map((item) => entry(item, 'failed', reasons.noEmail)),
        ...deferred.filter(waiting).map((item) => entry(item, 'deferred', reasons.quota)),
      ];
      progress.failed += unknown.length;
      if (rows.length > 0) {
        const logRows = rows.map((e) => sendLogRow(e, lang, header));
        wb.append(sheet, logRows);
        deps.journal?.logged(logRows);
      }
    });
  }
  return {
    today,
    reminderDay: p.reminderDay,
    messages,
    deferred: deferred.length,
    failed: progress.failed,
    plan: p,
  };
}
