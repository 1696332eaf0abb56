// A fake of ScriptApp: AuthMode, and installable time-driven triggers of each user (newTrigger…create, list, delete), counted.
import type { CallLog } from './calls';

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT' } as const;
export const TriggerSource = { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS' } as const;

/** One installed trigger, with what its builder was told and the user it belongs to (it runs as them). */
export class FakeTrigger {
  constructor(
    private readonly calls: CallLog,
    readonly id: string,
    readonly handler: string,
    readonly schedule: { atHour?: number; everyDays?: number; everyHours?: number; timeZone?: string },
    readonly owner = '',
  ) {}
  getHandlerFunction(): string {
    this.calls.hit('Trigger.getHandlerFunction');
    return this.handler;
  }
  getUniqueId(): string {
    this.calls.hit('Trigger.getUniqueId');
    return this.id;
  }
  getEventType(): string {
    this.calls.hit('Trigger.getEventType');
    return EventType.CLOCK;
  }
  getTriggerSource(): string {
    this.calls.hit('Trigger.getTriggerSource');
    return TriggerSource.CLOCK;
  }
}

export class FakeClockTriggerBuilder {
  private readonly schedule: FakeTrigger['schedule'] = {};

  constructor(
    private readonly calls: CallLog,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}

  atHour(hour: number): this {
    this.calls.hit('ClockTriggerBuilder.atHour');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`Invalid hour ${hour}`);
    this.schedule.atHour = hour;
    return this;
  }
  everyDays(n: number): this {
    this.calls.hit('ClockTriggerBuilder.everyDays');
    this.schedule.everyDays = n;
    return this;
  }
  everyHours(n: number): this {
    this.calls.hit('ClockTriggerBuilder.everyHours');
    this.schedule.everyHours = n;
    return this;
  }
  inTimezone(timeZone: string): this {
    this.calls.hit('ClockTriggerBuilder.inTimezone');
    this.schedule.timeZone = timeZone;
    return this;
  }
  create(): FakeTrigger {
    this.calls.hit('ClockTriggerBuilder.create');
    // Apps Script: an add-on may have one time-driven trigger per user and document; 20 per script in all.
    if (this.app.triggers.length >= 20) throw new Error('This script has too many triggers.');
    const trigger = new FakeTrigger(
      this.calls,
      String(++this.app.created),
      this.handler,
      { ...this.schedule },
      this.app.user(),
    );
    this.app.triggers.push(trigger);
    return trigger;
  }
}

export class FakeTriggerBuilder {
  constructor(
    private readonly calls: CallLog,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    this.calls.hit('TriggerBuilder.timeBased');
    return new FakeClockTriggerBuilder(this.calls, this.app, this.handler);
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  /** Every user's triggers of this project (with one user, the current user's). */
  readonly triggers: FakeTrigger[] = [];
  /** Triggers made so far (for ids). */
  created = 0;

  /** @param user the email of the user running the script now: triggers are theirs, and they see only theirs. */
  constructor(
    private readonly calls: CallLog,
    readonly user: () => string = () => '',
  ) {}

  private mine(): FakeTrigger[] {
    const user = this.user();
    return this.triggers.filter((t) => t.owner === user);
  }

  newTrigger(handler: string): FakeTriggerBuilder {
    this.calls.hit('ScriptApp.newTrigger');
    return new FakeTriggerBuilder(this.calls, this, handler);
  }
  getProjectTriggers(): FakeTrigger[] {
    this.calls.hit('ScriptApp.getProjectTriggers');
    return this.mine();
  }
  getUserTriggers(_document: unknown): FakeTrigger[] {
    this.calls.hit('ScriptApp.getUserTriggers');
    return this.mine();
  }
  deleteTrigger(trigger: FakeTrigger): void {
    this.calls.hit('ScriptApp.deleteTrigger');
    const index = this.triggers.findIndex((t) => t.id === trigger.getUniqueId() && t.owner === this.user());
    if (index < 0) throw new Error('Trigger not found');
    this.triggers.splice(index, 1);
  }
}
