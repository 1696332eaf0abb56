// The daily time-driven trigger: installed once at the reminder hour in the school's time zone, replaced, removed.
import { dateTimeInZone } from '../core/dates';
import type { TriggerState } from '../app/health';

/** The global function the trigger calls (an export of main.ts). */
export const DAILY_HANDLER = 'runDaily';
/** The document property holding who installed the trigger, when, and for which hour. */
const TRIGGER_KEY = 'visitLedger.dailyTrigger';

function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

/** Removes this user's daily triggers of the add-on; returns how many there were. */
export function removeDailyTrigger(): number {
  const triggers = ownTriggers();
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  PropertiesService.getDocumentProperties().deleteProperty(TRIGGER_KEY);
  return triggers.length;
}

/** Installs exactly one daily trigger at `hour` in `timeZone`; an earlier one is replaced, never doubled. */
export function installDailyTrigger(hour: number, timeZone: string): TriggerState {
  for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(timeZone).create();
  const state: TriggerState = {
    hour,
    timeZone,
    owner: Session.getEffectiveUser().getEmail(),
    installedAt: dateTimeInZone(new Date(), timeZone),
  };
  PropertiesService.getDocumentProperties().setProperty(TRIGGER_KEY, JSON.stringify(state));
  return state;
}

/**
 * The daily trigger as far as this user can tell: their own (Apps Script lists only the current
 * user's triggers), or one another person installed in this document, as they recorded it.
 */
export function dailyTrigger(): TriggerState | null {
  let recorded: TriggerState | null = null;
  const raw = PropertiesService.getDocumentProperties().getProperty(TRIGGER_KEY);
  if (raw !== null) {
    try {
      recorded = JSON.parse(raw) as TriggerState;
    } catch {
      recorded = null;
    }
  }
  const mine = ownTriggers().length > 0;
  const me = Session.getEffectiveUser().getEmail();
  if (mine) return recorded ?? { hour: -1, timeZone: '', owner: me, installedAt: '' };
  if (recorded !== null && recorded.owner !== '' && recorded.owner !== me) return recorded;
  return null;
}
