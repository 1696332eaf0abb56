// The reminder run (§5): under the document lock, send what is due within the quota and log every attempt in 发送日志.
import { loadCampaign } from '../core/engine';
import type { Campaign } from '../core/model';
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { texts } from '../core/i18n/messages';
import { planReminders, type ReminderItem, type ReminderPlan } from '../core/report/reminders';
import {
  LOG_COLUMNS,
  parseSendLog,
  sendLogHeader,
  sendLogRow,
  sendLogSheet,
  type SendLogEntry,
  type SendStatus,
} from '../core/report/send-log';
import { readSheets, type SheetGrid } from './read';
import { schoolToday } from './today';
import type { Clock, Lock, Mailer, Store, WorkbookPort } from './ports';

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

/** A message as `remind --json` prints it: the plain-text body. */
export interface OutgoingMessage {
  to: string;
  name: string;
  unit: string;
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

export interface RemindDeps {
  wb: WorkbookPort;
  mailer: Mailer;
  lock: Lock;
  clock: Clock;
  /** Where the last run's outcome is kept for the health panel (optional offline). */
  store?: Store;
}

export interface RemindOptions {
  /** The school's calendar day; default: the clock's day in the school's time zone. */
  today?: IsoDate;
  /** Shows what would be sent: sends nothing, writes nothing. */
  dryRun?: boolean;
}

/** Reads the workbook once and loads the campaign as of `today`, or of the clock's day in the school's time zone. */
export function loadOnSchoolDay(
  wb: WorkbookPort,
  clock: Clock,
  today?: IsoDate,
): { sheets: SheetGrid[]; campaign: Campaign; today: IsoDate } {
  const sheets = readSheets(wb);
  const day = today ?? schoolToday(sheets, clock.now());
  return { sheets, campaign: loadCampaign(sheets, day), today: day };
}

function messageOf(item: ReminderItem): OutgoingMessage {
  return {
    to: item.to,
    name: item.name,
    unit: item.unit,
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
      widths: [260, 130, 200, 90, 110, 80, 80, 240],
      textColumns: LOG_COLUMNS.map((_, i) => i),
      protect: true,
    });
  }
  return sheet;
}

function plan(deps: RemindDeps, options: RemindOptions) {
  const { wb, mailer, clock } = deps;
  const { campaign, today } = loadOnSchoolDay(wb, clock, options.today);
  const log = parseSendLog(wb.read(sendLogSheet(campaign.lang)));
  return { campaign, today, plan: planReminders(campaign, today, log, mailer.remainingQuota()) };
}

/**
 * One reminder run. A dry run only plans. A real run holds the document lock, sends in plan order,
 * logs each sent or failed message as soon as it is known (so a run cut short never sends twice), and
 * logs what did not fit in the quota as deferred.
 */
export function runReminders(deps: RemindDeps, options: RemindOptions = {}): RemindResult {
  if (options.dryRun) {
    const { today, plan: p } = plan(deps, options);
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
  const remember = (last: Omit<LastRun, 'at'>) =>
    deps.store?.set(
      LAST_RUN_KEY,
      JSON.stringify({ at: dateTimeInZone(deps.clock.now(), timeZone), ...last }),
    );
  let outcome: RemindResult;
  try {
    outcome = deps.lock.withLock(() => {
      const { campaign, today, plan: p } = plan(deps, options);
      timeZone = campaign.settings.timeZone;
      const lang = campaign.lang;
      const sheet = ensureSendLog(deps.wb, campaign);
      const stamp = () => dateTimeInZone(deps.clock.now(), timeZone);
      const entry = (item: ReminderItem, status: SendStatus, reason = ''): SendLogEntry => ({
        key: item.key,
        time: stamp(),
        to: item.to,
        name: item.name,
        unit: item.unit,
        month: item.month,
        status,
        reason,
      });
      const messages: OutgoingMessage[] = [];
      let failed = 0;
      for (const item of p.send) {
        let logged: SendLogEntry;
        try {
          deps.mailer.send(item.mail);
          logged = entry(item, 'sent');
          messages.push(messageOf(item));
        } catch (error) {
          logged = entry(item, 'failed', errorText(error));
          failed++;
        }
        deps.wb.append(sheet, [sendLogRow(logged, lang)]);
      }
      const reasons = texts(lang).remind.reasons;
      const rest = [
        ...p.noEmail.map((item) => entry(item, 'failed', reasons.noEmail)),
        // A reminder already waiting as deferred is not logged again until it is tried.
        ...p.defer
          .filter((item) => item.previous !== 'deferred')
          .map((item) => entry(item, 'deferred', reasons.quota)),
      ];
      failed += p.noEmail.length;
      if (rest.length > 0)
        deps.wb.append(
          sheet,
          rest.map((e) => sendLogRow(e, lang)),
        );
      return { today, reminderDay: p.reminderDay, messages, deferred: p.defer.length, failed, plan: p };
    });
  } catch (error) {
    remember({
      today: options.today ?? '',
      ok: false,
      sent: 0,
      deferred: 0,
      failed: 0,
      error: errorText(error),
    });
    throw error;
  }
  remember({
    today: outcome.today,
    ok: true,
    sent: outcome.messages.length,
    deferred: outcome.deferred,
    failed: outcome.failed,
    error: '',
  });
  return outcome;
}
