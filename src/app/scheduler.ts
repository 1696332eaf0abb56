// The daily trigger's rule (one per document, owned by whoever enabled it), over a scheduler port each home implements.

/** The installed daily trigger, as its installer recorded it. */
export interface TriggerState {
  hour: number;
  timeZone: string;
  /** Who installed it (the trigger runs as this account). */
  owner: string;
  /** 'YYYY-MM-DD HH:mm' in the school's time zone. */
  installedAt: string;
}

/** What enabling or disabling did: done, or refused because another person's trigger runs the reminders. */
export type TriggerChange<T> = { done: true; value: T } | { done: false; owner: string };

/**
 * The platform's side of the daily job's trigger. A user sees and removes only their own triggers (as in
 * Apps Script); the document keeps a record of who installed one, readable by everyone.
 */
export interface SchedulerPort {
  /** The signed-in user's email; '' when the platform hides it. */
  currentUser(): string;
  /** How many daily triggers this user has. */
  ownTriggers(): number;
  /** Removes this user's daily triggers. */
  removeOwnTriggers(): void;
  /** Creates one daily trigger for this user at `hour` in `timeZone`. */
  installOwnTrigger(hour: number, timeZone: string): void;
  /** The document's record of the installed trigger (null when none). */
  recorded(): TriggerState | null;
  /** Writes (or, with null, removes) that record. */
  record(state: TriggerState | null): void;
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
export function disableDailyJob(scheduler: SchedulerPort): TriggerChange<number> {
  const mine = scheduler.ownTriggers();
  const owner = otherOwner(scheduler.recorded(), scheduler.currentUser(), mine);
  if (owner !== null) return { done: false, owner };
  scheduler.removeOwnTriggers();
  scheduler.record(null);
  return { done: true, value: mine };
}

/**
 * Installs exactly one daily trigger at `hour` in `timeZone`; an earlier one of this user is replaced,
 * never doubled. Refused when another person's trigger already runs the daily job of this document.
 * `installedAt` is the school's wall-clock time ('YYYY-MM-DD HH:mm').
 */
export function enableDailyJob(
  scheduler: SchedulerPort,
  hour: number,
  timeZone: string,
  installedAt: string,
): TriggerChange<TriggerState> {
  const me = scheduler.currentUser();
  const owner = otherOwner(scheduler.recorded(), me, scheduler.ownTriggers());
  if (owner !== null) return { done: false, owner };
  scheduler.removeOwnTriggers();
  scheduler.installOwnTrigger(hour, timeZone);
  const state: TriggerState = { hour, timeZone, owner: me, installedAt };
  scheduler.record(state);
  return { done: true, value: state };
}

/**
 * The daily trigger as far as this user can tell: their own, or one another person installed in this
 * document, as they recorded it (hour -1: found without its record).
 */
export function dailyJobTrigger(scheduler: SchedulerPort): TriggerState | null {
  const recorded = scheduler.recorded();
  const me = scheduler.currentUser();
  if (scheduler.ownTriggers() > 0) return recorded ?? { hour: -1, timeZone: '', owner: me, installedAt: '' };
  if (otherOwner(recorded, me, 0) !== null) return recorded;
  return null;
}
