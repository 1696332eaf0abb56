// The reminder preview (dry run) as a small HTML page: a summary, then each message exactly as it would be sent.
import { format, texts, type Lang } from '../i18n/messages';
import { escapeHtml } from './escape';
import type { ReminderPlan } from './reminders';

/** Every message of the plan that would go out now; nothing here is sent. User-typed text is escaped. */
export function reminderPreviewHtml(plan: ReminderPlan, lang: Lang): string {
  const t = texts(lang).remind;
  const parts: string[] = [];
  if (!plan.reminderDay)
    parts.push(
      `<p class="note">${escapeHtml(format(t.notReminderDay, { days: plan.reminderDays.join(lang === 'en' ? ', ' : '、') }))}</p>`,
    );
  parts.push(
    `<p><b>${escapeHtml(
      plan.send.length === 0 && plan.defer.length === 0
        ? format(t.previewNone, { today: plan.today })
        : format(t.previewSummary, {
            today: plan.today,
            count: plan.send.length,
            deferred: plan.defer.length,
          }),
    )}</b></p>`,
  );
  for (const item of plan.send) {
    parts.push(
      `<section><div class="head">${escapeHtml(item.to)} · ${escapeHtml(item.mail.subject)}</div>` +
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
