// 我的待办: the open follow-ups a person owns and the rectification items they are 责任人 of, oldest first, bounded.
import { daysBetween, type IsoDate } from '../core/dates';
import { isOverdue, openFollowUps } from '../core/follow-through';
import { format, texts } from '../core/i18n/messages';
import type { Campaign } from '../core/model';
import { nameKey } from '../core/names';
import type { TodoItem, TodoList } from '../contract/todo-payload';

/** At most this many items are sent (the list says how many more there are). */
export const TODO_LIMIT = 30;
/** A follow-up open longer than this many days is marked late (the reminders name those older than 7 days). */
export const FOLLOW_UP_LATE_DAYS = 7;
/** A record's text is shown up to this many characters. */
export const TODO_TEXT_SHOWN = 120;

/** The problem a conversion form starts with, up to this many characters (the person may edit it). */
export const TODO_PROBLEM_SHOWN = 1000;

const shorten = (text: string) =>
  text.length > TODO_TEXT_SHOWN ? `${text.slice(0, TODO_TEXT_SHOWN)}…` : text;

/**
 * The person's to-do list as the sidebar shows it: open follow-ups whose owner (跟进人, else the unit head, else
 * the visitor) is the person, and rectification items whose 责任人 is the person and whose status is 待整改 or
 * 整改中 (empty counts as 待整改); the oldest first, each with its age and whether it is late or overdue.
 */
export function todoList(campaign: Campaign, person: string, today: IsoDate): TodoList {
  const t = texts(campaign.lang);
  const u = t.todo;
  const key = nameKey(person);
  const items: TodoItem[] = [];
  for (const f of openFollowUps(campaign, today, today)) {
    if (nameKey(f.owner) !== key || f.id === '') continue;
    items.push({
      kind: 'followUp',
      id: f.id,
      date: f.date,
      age: f.age,
      late: f.age > FOLLOW_UP_LATE_DAYS,
      line: format(u.itemFollowUp, {
        id: f.id,
        followUp: t.values.followUps[f.followUp],
        date: f.date,
        age: f.age,
      }),
      text: shorten(f.text),
      deadline: null,
      problem: f.text.slice(0, TODO_PROBLEM_SHOWN),
      owner: f.owner,
    });
  }
  for (const item of campaign.rectification) {
    const status = item.status ?? 'open';
    if (nameKey(item.owner) !== key || (status !== 'open' && status !== 'inProgress') || item.id === '')
      continue;
    const age = item.openedOn === null ? 0 : Math.max(0, daysBetween(item.openedOn, today));
    items.push({
      kind: 'rectification',
      id: item.id,
      date: item.openedOn ?? '',
      age,
      overdue: isOverdue({ ...item, status }, today),
      line: format(u.itemRectification, {
        id: item.id,
        status: t.values.rectStatus[status],
        date: item.openedOn ?? '—',
        age,
      }),
      text: shorten(item.problem),
      deadline: item.deadline,
      problem: '',
      owner: item.owner,
    });
  }
  // Oldest first; an item without a date after the dated ones of its age.
  items.sort((a, b) => b.age - a.age || (a.date === '' ? 1 : 0) - (b.date === '' ? 1 : 0));
  return { person, items: items.slice(0, TODO_LIMIT), total: items.length, lateDays: FOLLOW_UP_LATE_DAYS };
}
