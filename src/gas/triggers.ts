// The daily time-driven trigger: one per document, owned by whoever enabled it; installed, replaced, removed.
import { dateTimeInZone } from '../core/dates';
import type { TriggerState } from '../app/health';
import type { EntryPoint } from './entry-points';

/** The global function the trigger calls (an export of main.ts). */
export const DAILY_HANDLER: EntryPoint = 'runDaily';
/** The document property holding who installed the trigger, when, and for which hour. */
const TRIGGER_KEY = 'visitLedger.dailyTrigger';

/** What enabling or disabling did: done, or refused because another person's trigger runs the reminders. */
export type TriggerChange<T> = { done: true; value: T } | { done: false; owner: string };

/** This user's daily triggers: Apps Script lists only the current user's triggers. */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

/** The email of the user running the script ('' when Apps Script hides it). */
function currentUser(): string {
  return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
}

function recordedTrigger(): TriggerState | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(TRIGGER_KEY);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as TriggerState;
  } catch {
    return null;
  }
}

/**
 * The person whose trigger the document records, when it is not the current user (null otherwise).
 * With the current user's email hidden, a user who has a trigger of their own is taken as its owner.
 */
function otherOwner(recorded: TriggerState | null, me: string, mine: number): string | null {
  const owner = recorded?.owner ?? '';
  if (owner === '') return null;
  if (me === '') return mine > 0 ? null : owner;
  return owner.toLowerCase() === me.toLowerCase() ? null : owner;
}

/**
 * Removes this user's daily triggers, then the document's record of them; returns how many there were.
 * Refused when the record names another person: their trigger cannot be seen or removed from here.
 */
export function removeDailyTrigger(): TriggerChange<number> {
  const triggers = ownTriggers();
  const owner = otherOwner(recordedTrigger(), currentUser(), triggers.length);
  if (owner !== null) return { done: false, owner };
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  PropertiesService.getDocumentProperties().deleteProperty(TRIGGER_KEY);
  return { done: true, value: triggers.length };
}

/**
 * Installs exactly one daily trigger at `hour` in `timeZone`; an earlier one of this user is replaced,
 * never doubled. Refused when another person's trigger already runs the reminders of this document.
 */
export function installDailyTrigger(hour: number, timeZone: string): TriggerChange<TriggerState> {
  const triggers = ownTriggers();
  const me = currentUser();
  const owner = otherOwner(recordedTrigger(), me, triggers.length);
  if (owner !== null) return { done: false, owner };
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(timeZone).create();
  const state: TriggerState = {
    hour,
    timeZone,
    owner: me,
    installedAt: dateTimeInZone(new Date(), timeZone),
  };
  PropertiesService.getDocumentProperties().setProperty(TRIGGER_KEY, JSON.stringify(state));
  return { done: true, value: state };
}

/**
 * The daily trigger as far as this user can tell: their own (Apps Script lists only the current
 * user's triggers), or one another person installed in this document, as they recorded it.
 */
export function dailyTrigger(): TriggerState | null {
  const recorded = recordedTrigger();
  const mine = ownTriggers().length > 0;
  const me = currentUser();
  if (mine) return recorded ?? { hour: -1, timeZone: '', owner: me, installedAt: '' };
  if (otherOwner(recorded, me, 0) !== null) return recorded;
  return null;
}
