// Fakes of Session and Utilities, a MailApp with a quota and failures, and a Logger; ScriptApp is in script-app.ts.
import type { CallLog } from './calls';
import { formatInZone } from './zone';

export class FakeUser {
  constructor(
    private readonly calls: CallLog,
    private readonly email: string,
  ) {}
  getEmail(): string {
    this.calls.hit('User.getEmail');
    return this.email;
  }
}

export class FakeSession {
  /** The signed-in user's email; '' as Apps Script often gives for consumer accounts. */
  activeEmail = 'teacher@school.example';
  effectiveEmail = 'owner@school.example';
  scriptTimeZone = 'Asia/Shanghai';
  locale = 'zh-CN';
  /** A stable stand-in per user when the email is hidden. */
  temporaryKey = 'temp-user-key';

  constructor(private readonly calls: CallLog) {}

  getActiveUser(): FakeUser {
    this.calls.hit('Session.getActiveUser');
    return new FakeUser(this.calls, this.activeEmail);
  }
  getEffectiveUser(): FakeUser {
    this.calls.hit('Session.getEffectiveUser');
    return new FakeUser(this.calls, this.effectiveEmail);
  }
  getScriptTimeZone(): string {
    this.calls.hit('Session.getScriptTimeZone');
    return this.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    this.calls.hit('Session.getActiveUserLocale');
    return this.locale;
  }
  getTemporaryActiveUserKey(): string {
    this.calls.hit('Session.getTemporaryActiveUserKey');
    return this.temporaryKey;
  }
}

/**
 * A fake of Utilities. Its methods run inside the script's own process (no round trip to a document, a
 * mailbox or a store), so they are counted in their own log, apart from the service calls the
 * call-count tests measure.
 */
export class FakeUtilities {
  constructor(readonly calls: CallLog) {}

  /** As the real one: the instant's wall-clock time in an IANA zone, by a Java SimpleDateFormat pattern. */
  formatDate(date: Date, timeZone: string, pattern: string): string {
    this.calls.hit('Utilities.formatDate');
    return formatInZone(date, timeZone, pattern);
  }
  sleep(_millis: number): void {
    this.calls.hit('Utilities.sleep');
  }
  getUuid(): string {
    this.calls.hit('Utilities.getUuid');
    return '00000000-0000-4000-8000-000000000000';
  }
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
}

/** A fake of MailApp: a daily quota, failures a test queues, and the list of sent messages. */
export class FakeMailApp {
  remainingQuota = 100;
  readonly sent: SentMail[] = [];
  /** Errors the next sendEmail calls throw, in order (e.g. 'Invalid email: x'), before anything is sent. */
  readonly failures: string[] = [];

  constructor(private readonly calls: CallLog) {}

  getRemainingDailyQuota(): number {
    this.calls.hit('MailApp.getRemainingDailyQuota');
    return this.remainingQuota;
  }
  sendEmail(
    toOrMessage: string | { to: string; subject: string; body?: string; htmlBody?: string },
    subject?: string,
    body?: string,
    options?: { htmlBody?: string },
  ): void {
    this.calls.hit('MailApp.sendEmail');
    const failure = this.failures.shift();
    if (failure !== undefined) throw new Error(failure);
    if (this.remainingQuota <= 0) throw new Error('Service invoked too many times for one day: email.');
    this.remainingQuota -= 1;
    if (typeof toOrMessage === 'string') {
      this.sent.push({
        to: toOrMessage,
        subject: subject ?? '',
        body: body ?? '',
        htmlBody: options?.htmlBody,
      });
    } else {
      this.sent.push({
        to: toOrMessage.to,
        subject: toOrMessage.subject,
        body: toOrMessage.body ?? '',
        htmlBody: toOrMessage.htmlBody,
      });
    }
  }
}

export { AuthMode, FakeScriptApp } from './script-app';

export class FakeLogger {
  readonly lines: string[] = [];
  constructor(private readonly calls: CallLog) {}
  log(message: unknown): this {
    this.calls.hit('Logger.log');
    this.lines.push(String(message));
    return this;
  }
}
