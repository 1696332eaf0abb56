// The health panel: the daily trigger, the last reminder run, mails sent today, quota left, deferred and failed.
import { monthOf } from '../core/dates';
import { format, texts, type Lang } from '../core/i18n/messages';
import { escapeHtml } from '../core/report/escape';
import { nextDailyRun } from '../core/report/next-run';
import { latestByKey, parseSendLog, sendLogSheet, waitingEntries } from '../core/report/send-log';
import { LAST_RUN_KEY, type LastRun } from './remind';
import type { Mailer, Store } from './ports';
import type { TriggerState } from './scheduler';
import type { WorkbookSession } from './session';

export type { TriggerState } from './scheduler';

export interface Health {
  trigger: TriggerState | null;
  nextRun: string | null;
  lastRun: LastRun | null;
  sentToday: number;
  quotaLeft: number;
  deferred: number;
  failed: number;
}

export interface HealthDeps {
  mailer: Mailer;
  store: Store;
  /** The trigger as installed, or null when none is. */
  trigger: TriggerState | null;
}

/** What the health panel reads of the workbook: 设置 only (the log is read on its own). */
export const HEALTH_TABLES = ['settings'] as const;

function readLastRun(store: Store): LastRun | null {
  const raw = store.get(LAST_RUN_KEY);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as LastRun;
  } catch {
    return null;
  }
}

/** The panel's figures; the session needs only 设置 (open it with `only: HEALTH_TABLES`). */
export function healthOf(session: WorkbookSession, deps: HealthDeps): Health {
  const { campaign, today } = session;
  const log = parseSendLog(session.workbook.read(sendLogSheet(campaign.lang)));
  const waiting = waitingEntries(latestByKey(log)).filter((e) => e.month === monthOf(today));
  // A trigger found without its record runs at the hour of 设置.
  const trigger =
    deps.trigger && deps.trigger.hour < 0
      ? { ...deps.trigger, hour: campaign.settings.reminderHour, timeZone: campaign.settings.timeZone }
      : deps.trigger;
  return {
    trigger,
    nextRun: trigger ? nextDailyRun(session.now, trigger.hour, trigger.timeZone) : null,
    lastRun: readLastRun(deps.store),
    sentToday: log.filter((e) => e.status === 'sent' && e.time.startsWith(today)).length,
    quotaLeft: deps.mailer.remainingQuota(),
    deferred: waiting.filter((e) => e.status === 'deferred').length,
    failed: waiting.filter((e) => e.status === 'failed').length,
  };
}

/** The health panel as a small HTML page (every value escaped). */
export function healthHtml(health: Health, lang: Lang): string {
  const t = texts(lang).health;
  const trigger = health.trigger
    ? format(t.installed, { hour: health.trigger.hour, timeZone: health.trigger.timeZone })
    : t.notInstalled;
  const last = health.lastRun;
  const rows: [string, string][] = [
    [t.trigger, trigger],
    ...(health.trigger ? ([[t.owner, health.trigger.owner || t.unknown]] as [string, string][]) : []),
    ...(health.nextRun ? ([[t.nextRun, health.nextRun]] as [string, string][]) : []),
    [t.lastRun, last ? last.at : t.never],
    ...(last
      ? ([
          [
            t.result,
            last.ok
              ? format(texts(lang).remind.sent, {
                  sent: last.sent,
                  deferred: last.deferred,
                  failed: last.failed,
                })
              : t.error,
          ],
          ...(last.error ? [[t.error, last.error]] : []),
        ] as [string, string][])
      : []),
    [t.sentToday, String(health.sentToday)],
    [t.quotaLeft, String(health.quotaLeft)],
    [t.deferred, String(health.deferred)],
    [t.failed, String(health.failed)],
  ];
  const body = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>` +
    `body{font-family:sans-serif;font-size:13px;margin:8px}th{text-align:left;padding:4px 12px 4px 0;` +
    `font-weight:normal;color:#555}td{padding:4px 0}</style></head><body><table>${body}</table></body></html>`
  );
}
