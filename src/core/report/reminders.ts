// Who gets a reminder today and what it says (§5): pending retries first, then new ones, cut at the mail quota.
import { personProgress } from '../engine';
import { computeStatus } from '../engine';
import { dayOfMonth, daysBetween, lastDay, monthOf, type IsoDate } from '../dates';
import { format, texts, type Lang } from '../i18n/messages';
import { nameKey } from '../names';
import type { Campaign, PersonLine } from '../model';
import { escapeHtml } from './escape';
import { latestByKey, monthOfKey, reminderKey, type SendLogEntry, type SendStatus } from './send-log';

/** Names of people not yet visited listed in one reminder. */
export const MISSING_LISTED = 10;

export interface ReminderMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface ReminderItem {
  key: string;
  name: string;
  unit: string;
  month: string;
  /** The staff member's email from 人员 ('' when there is none). */
  to: string;
  /** The latest logged status of this key, if it was tried before. */
  previous: SendStatus | null;
  mail: ReminderMail;
}

export interface ReminderPlan {
  today: IsoDate;
  /** Whether today is one of the reminder days of 设置. */
  reminderDay: boolean;
  /** The reminder days of 设置 (days of the month). */
  reminderDays: number[];
  /** Sent now, in order: earlier deferred or failed reminders first. */
  send: ReminderItem[];
  /** Due but beyond today's quota: logged as deferred, sent first next run. */
  defer: ReminderItem[];
  /** Due but the person has no email: logged as failed (retried once an email is entered). */
  noEmail: ReminderItem[];
}

/** A line still short of its minimum this month. */
function isShort(line: PersonLine): boolean {
  return line.status === 'behind' || line.status === 'on_track';
}

function listNames(names: readonly string[], lang: Lang): string {
  const shown = names.slice(0, MISSING_LISTED).join(lang === 'en' ? ', ' : '、');
  const more =
    names.length > MISSING_LISTED ? ` ${format(texts(lang).remind.andMore, { count: names.length })}` : '';
  return shown + more;
}

/** The email for one short quota line: count, minimum, days left, and up to 10 people not yet visited. */
export function reminderMail(campaign: Campaign, line: PersonLine, to: string, today: IsoDate): ReminderMail {
  const lang = campaign.lang;
  const t = texts(lang).remind;
  const month = monthOf(today);
  const unit = campaign.rosters.unitByKey.get(nameKey(line.unit));
  const progress = personProgress(campaign, line.name, today);
  const missing = progress.missing.find((m) => nameKey(m.unit) === nameKey(line.unit))?.names ?? [];
  const params = {
    name: line.name,
    unit: line.unit,
    month,
    today,
    count: line.count,
    minimum: line.minimum,
    daysLeft: daysBetween(today, lastDay(month)) + 1,
  };
  const greeting = format(t.greeting, params);
  const body = format(t.progress, params);
  const missingTitle = unit?.homeVisits ? t.missingHomeTitle : t.missingTitle;
  const missingLine = missing.length === 0 ? t.noneMissing : `${missingTitle}${listNames(missing, lang)}`;
  const text = [greeting, '', body, missingLine, '', t.footer].join('\n');
  const esc = (s: string) => escapeHtml(s);
  const listHtml =
    missing.length === 0
      ? `<p>${esc(t.noneMissing)}</p>`
      : `<p>${esc(missingTitle)}</p><ul>${missing
          .slice(0, MISSING_LISTED)
          .map((n) => `<li>${esc(n)}</li>`)
          .join('')}</ul>${
          missing.length > MISSING_LISTED ? `<p>${esc(format(t.andMore, { count: missing.length }))}</p>` : ''
        }`;
  const html =
    `<div style="font-family:sans-serif;font-size:14px;line-height:1.6">` +
    `<p>${esc(greeting)}</p><p>${esc(body)}</p>${listHtml}` +
    `<p style="color:#777;font-size:12px">${esc(t.footer)}</p></div>`;
  return { to, subject: format(t.subject, params), text, html };
}

/**
 * The reminders of a run on `today`, given the send log so far and the mails left today.
 * A key already sent is never sent again. A key last deferred or failed is retried while its month is
 * the current one and the person is still short; it goes ahead of new reminders.
 */
export function planReminders(
  campaign: Campaign,
  today: IsoDate,
  log: readonly SendLogEntry[],
  quota: number,
): ReminderPlan {
  const month = monthOf(today);
  const day = dayOfMonth(today);
  const reminderDay = campaign.settings.reminderDays.includes(day);
  const lines = computeStatus(campaign, month, today).people;
  const lineOf = new Map(lines.map((l) => [`${nameKey(l.name)}|${nameKey(l.unit)}`, l]));
  const emailOf = (name: string) => campaign.rosters.staffByKey.get(nameKey(name))?.email.trim() ?? '';
  const latest = latestByKey(log);
  const item = (key: string, line: PersonLine, previous: SendStatus | null): ReminderItem => {
    const to = emailOf(line.name);
    return {
      key,
      name: line.name,
      unit: line.unit,
      month,
      to,
      previous,
      mail: reminderMail(campaign, line, to, today),
    };
  };

  const due: ReminderItem[] = [];
  for (const [key, entry] of latest) {
    if (entry.status === 'sent' || monthOfKey(key) !== month) continue;
    const [, , person = '', unit = ''] = key.split('|');
    const line = lineOf.get(`${person}|${unit}`);
    if (line === undefined || !isShort(line)) continue;
    const pending = item(key, line, entry.status);
    // A reminder that failed for want of an address waits until 人员 has one.
    if (pending.to === '') continue;
    due.push(pending);
  }
  if (reminderDay) {
    // A person with an earlier reminder still to send gets that one, not a second one the same day.
    const waiting = new Set(due.map((d) => `${nameKey(d.name)}|${nameKey(d.unit)}`));
    for (const line of lines) {
      if (!isShort(line) || waiting.has(`${nameKey(line.name)}|${nameKey(line.unit)}`)) continue;
      const key = reminderKey(month, day, line.name, line.unit);
      if (!latest.has(key)) due.push(item(key, line, null));
    }
  }
  const withEmail = due.filter((d) => d.to !== '');
  const room = Math.max(0, Math.floor(quota));
  return {
    today,
    reminderDay,
    reminderDays: [...campaign.settings.reminderDays],
    send: withEmail.slice(0, room),
    defer: withEmail.slice(room),
    noEmail: due.filter((d) => d.to === ''),
  };
}
