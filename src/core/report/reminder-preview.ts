// The reminder preview (dry run): its headline (which day, how many) and a small HTML page of each message exactly as it would be sent.
import { format, texts, type Lang } from '../i18n/messages';
import { escapeHtml } from './escape';
import type { ReminderPlan } from './reminders';

/**
 * What a preview says above the messages: on a day that is not a reminder day, which day the messages are
 * for (the next reminder day, as of today's figures); then how many would be sent and deferred.
 */
export function previewHeadline(plan: ReminderPlan, lang: Lang): string[] {
  const t = texts(lang).remind;
  const m = texts(lang).reminderMail;
  const count = plan.send.length;
  const deferred = plan.defer.length;
  const none = count === 0 && deferred === 0;
  if (plan.reminderDay)
    return [
      none
        ? format(t.previewNone, { today: plan.today })
        : format(t.previewSummary, { today: plan.today, count, deferred }),
    ];
  if (plan.forDay === null) return [m.noDays];
  const day = plan.forDay;
  return [
    format(m.nextDay, { today: plan.today, day }),
    none ? format(m.previewDayNone, { day }) : format(m.previewDaySummary, { day, count, deferred }),
  ];
}

/** Every message of the plan that would go out; nothing here is sent. User-typed text is escaped. */
export function reminderPreviewHtml(plan: ReminderPlan, lang: Lang): string {
  const kinds = texts(lang).reminderMail.kinds;
  const [first = '', ...rest] = previewHeadline(plan, lang);
  const parts =
    rest.length > 0
      ? [`<p class="note">${escapeHtml(first)}</p>`, ...rest.map((l) => `<p><b>${escapeHtml(l)}</b></p>`)]
      : [`<p><b>${escapeHtml(first)}</b></p>`];
  for (const item of plan.send) {
    parts.push(
      `<section><div class="head">${escapeHtml(item.to)} · ${escapeHtml(kinds[item.kind])} · ${escapeHtml(item.mail.subject)}</div>` +
        `<div class="body">${item.mail.html}</div></section>`,
    );
  }
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>` +
    `body{font-family:sans-serif;font-size:13px;margin:8px;color:#202124}` +
    `section{border:1px solid #dadce0;border-radius:4px;margin:8px 0}` +
    `.head{background:#f1f3f4;padding:4px 8px;font-weight:600}.body{padding:0 8px}.note{color:#777}` +
    `</style></head><body>${parts.join('')}</body></html>`
  );
}
