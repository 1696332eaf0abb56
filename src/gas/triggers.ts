// The scheduler port over ScriptApp (this user's time-driven triggers) and the document's properties (the record).
import type { SchedulerPort, TriggerState } from '../app/scheduler';
import type { EntryPoint } from './entry-points';

/** The global function the trigger calls (an export of main.ts). */
export const DAILY_HANDLER: EntryPoint = 'runDaily';
/** The document property holding who installed the trigger, when, and for which hour. */
const TRIGGER_KEY = 'visitLedger.dailyTrigger';

/** This user's daily triggers: Apps Script lists only the current user's triggers. */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

export class GasScheduler implements SchedulerPort {
  currentUser(): string {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
  }
  ownTriggers(): number {
    return ownTriggers().length;
  }
  removeOwnTriggers(): void {
    for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
  }
  installOwnTrigger(hour: number, timeZone: string): void {
    ScriptApp.newTrigger(DAILY_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(timeZone).create();
  }
  recorded(): TriggerState | null {
    const raw = PropertiesService.getDocumentProperties().getProperty(TRIGGER_KEY);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as TriggerState;
    } catch {
      return null;
    }
  }
  record(state: TriggerState | null): void {
    const properties = PropertiesService.getDocumentProperties();
    if (state === null) properties.deleteProperty(TRIGGER_KEY);
    else properties.setProperty(TRIGGER_KEY, JSON.stringify(state));
  }
}
