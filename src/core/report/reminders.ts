// Who gets a reminder today and what it says (§5): pending retries first, then one mail per person and one digest per unit head, cut at the mail quota.
import { dayOfMonth, monthOf, type IsoDate } from '../dates';
import { nameKey } from '../names';
import type { Campaign } from '../model';
import { nextReminderDay } from './next-run';
import { remindersDue, type Due, type ReminderKind } from './reminder-content';
import { reminderMail, type ReminderMail } from './reminder-text';
import {
  digestKey,
  keyOfSlot,
  latestByKey,
  monthOfKey,
  personKey,
  slotOfKey,
  type ReminderSlot,
  type SendLogEntry,
  type SendStatus,
} from './send-log';

export { MISSING_LISTED, type ReminderMail } from './reminder-text';

export interface ReminderItem {
  key: string;
  kind: ReminderKind;
  /** The recipient, as 人员 spells the name. */
  name: string;
  /** The units the message covers (a digest: its unit; a person's mail: the units of their quota lines). */
  units: string[];
  month: string;
  /** The staff member's email from 人员 ('' when there is none). */
  to: string;
  /** The latest logged status of this message, if it was tried before. */
  previous: SendStatus | null;
  mail: ReminderMail;
}

export interface ReminderPlan {
  today: IsoDate;
  /** Whether today is one of the reminder days of 设置. */
  reminderDay: boolean;
  /** The reminder days of 设置 (days of the month). */
  reminderDays: number[];
  /**
   * The reminder day the new messages are for: today on a reminder day; in a preview on another day, the next
   * reminder day (its messages as of today's figures); null when no new message is planned.
   */
  forDay: IsoDate | null;
  /** Sent now, in order: earlier deferred or failed reminders first. */
  send: ReminderItem[];
  /** Due but beyond today's quota: logged as deferred, sent first next run. */
  defer: ReminderItem[];
  /** Due but the person has no email: logged as failed (retried once an email is entered). */
  noEmail: ReminderItem[];
}

export interface PlanOptions {
  /** A preview: on a day that is not a reminder day, plan the next reminder day's messages as well. */
  preview?: boolean;
}

/** Which recipient slot of a day a due message fills: the person, or the head and the unit. */
function dueId(due: Due): string {
  return due.kind === 'person'
    ? `person|${nameKey(due.name)}`
    : `digest|${nameKey(due.name)}|${nameKey(due.unit.name)}`;
}

function slotId(slot: ReminderSlot): string {
  return slot.kind === 'person' ? `person|${slot.person}` : `digest|${slot.person}|${slot.unit}`;
}

/**
 * The reminders of a run on `today`, given the send log so far and the mails left today.
 * A message already sent is never sent again: one per (person, month, reminder day) and one digest per
 * (head, unit, month, reminder day); a day on which an earlier version sent a person any reminder (keys per
 * person and unit) sends that person nothing more. A message last deferred or failed is retried, as of
 * today's figures, while its month is the current one and there is still something to say; it goes ahead of
 * new ones, and its recipient gets no second message of that kind the same day.
 */
export function planReminders(
  campaign: Campaign,
  today: IsoDate,
  log: readonly SendLogEntry[],
  quota: number,
  options: PlanOptions = {},
): ReminderPlan {
  const month = monthOf(today);
  const days = campaign.settings.reminderDays;
  const reminderDay = days.includes(dayOfMonth(today));
  const forDay = reminderDay ? today : options.preview ? nextReminderDay(today, days) : null;
  const latest = latestByKey(log);
  // Who was mailed on a day under an earlier version's keys (month|day|person).
  const mailedBefore = new Set<string>();
  for (const [key, entry] of latest) {
    const slot = slotOfKey(key);
    if (slot?.legacy && entry.status === 'sent') mailedBefore.add(`${slot.month}|${slot.day}|${slot.person}`);
  }
  const done = (slot: ReminderSlot) =>
    latest.get(keyOfSlot(slot))?.status === 'sent' ||
    mailedBefore.has(`${slot.month}|${slot.day}|${slot.person}`);

  const dues = remindersDue(campaign, today);
  const dueById = new Map(dues.map((d) => [dueId(d), d]));
  const emailOf = (name: string) => campaign.rosters.staffByKey.get(nameKey(name))?.email.trim() ?? '';
  const item = (key: string, due: Due, previous: SendStatus | null): ReminderItem => {
    const to = emailOf(due.name);
    return {
      key,
      kind: due.kind,
      name: due.name,
      units: due.units,
      month,
      to,
      previous,
      mail: reminderMail(campaign, due, to, today),
    };
  };

  const planned: ReminderItem[] = [];
  const waiting = new Set<string>();
  for (const [key, entry] of latest) {
    if (entry.status === 'sent' || monthOfKey(key) !== month) continue;
    const slot = slotOfKey(key);
    if (slot === undefined || done(slot)) continue;
    const id = slotId(slot);
    const due = dueById.get(id);
    if (due === undefined || waiting.has(id)) continue;
    const pending = item(keyOfSlot(slot), due, entry.status);
    // A reminder that failed for want of an address waits until 人员 has one.
    if (pending.to === '') continue;
    waiting.add(id);
    planned.push(pending);
  }
  if (forDay !== null) {
    const keyMonth = monthOf(forDay);
    const keyDay = dayOfMonth(forDay);
    for (const due of dues) {
      if (waiting.has(dueId(due))) continue;
      const key =
        due.kind === 'person'
          ? personKey(keyMonth, keyDay, due.name)
          : digestKey(keyMonth, keyDay, due.name, due.unit.name);
      const slot = slotOfKey(key);
      if (latest.has(key) || (slot !== undefined && done(slot))) continue;
      planned.push(item(key, due, null));
    }
  }
  const withEmail = planned.filter((d) => d.to !== '');
  const room = Math.max(0, Math.floor(quota));
  return {
    today,
    reminderDay,
    reminderDays: [...days],
    forDay,
    send: withEmail.slice(0, room),
    defer: withEmail.slice(room),
    noEmail: planned.filter((d) => d.to === ''),
  };
}
