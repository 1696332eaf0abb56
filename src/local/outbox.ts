// A Mailer that writes each message as an .eml file into an `outbox` folder beside the workbook, with a daily quota.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MailMessage, Mailer } from '../app/ports';
import type { IsoDate } from '../core/dates';
import { testPause } from './test-pause';

/** Mails a day offline unless told otherwise (a consumer Google account's quota). */
export const DEFAULT_DAILY_QUOTA = 100;
/** The environment variable the command line reads the daily quota from. */
export const QUOTA_ENV = 'VISIT_LEDGER_MAIL_QUOTA';
const FROM = 'Visit Ledger <visit-ledger@localhost>';

export interface OutboxOptions {
  /** The school's calendar day: files are named by it and the quota counts that day's files. */
  today: () => IsoDate;
  now?: () => Date;
  dailyQuota?: number;
}

/** The outbox folder of a workbook file. */
export function outboxDirOf(workbookFile: string): string {
  return join(dirname(resolve(workbookFile)), 'outbox');
}

/** The daily quota from the environment (a whole number ≥ 0), else the default. */
export function quotaFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[QUOTA_ENV]);
  return env[QUOTA_ENV] !== undefined && Number.isInteger(value) && value >= 0 ? value : DEFAULT_DAILY_QUOTA;
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

function encodedWord(text: string): string {
  // ASCII-only headers stay readable; anything else as RFC 2047 base64 words.
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** An RFC 5322 message: multipart/alternative with a plain-text and an HTML part, both UTF-8 base64. */
export function emlOf(message: MailMessage, date: Date, id: string): string {
  const boundary = `visit-ledger-${id}`;
  const lines = [
    `From: ${FROM}`,
    `To: ${message.to}`,
    `Subject: ${encodedWord(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <${id}@visit-ledger.local>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.html),
    `--${boundary}--`,
    '',
  ];
  return lines.join('\r\n');
}

export class OutboxMailer implements Mailer {
  private readonly quota: number;
  /** Messages this mailer has put in the outbox (a test may stop the process before the next). */
  private written = 0;

  constructor(
    readonly dir: string,
    private readonly options: OutboxOptions,
  ) {
    this.quota = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
  }

  /** Files of one day in the outbox, oldest first. */
  filesOf(day: IsoDate): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.filter((n) => n.startsWith(`${day}-`) && n.endsWith('.eml')).sort();
  }

  remainingQuota(): number {
    return Math.max(0, this.quota - this.filesOf(this.options.today()).length);
  }

  send(message: MailMessage): void {
    testPause(`mail:${this.written}`);
    if (!/^[^@\s<>]+@[^@\s<>]+$/.test(message.to)) throw new Error(`Invalid recipient: ${message.to}`);
    if (this.remainingQuota() <= 0) throw new Error('Daily mail quota used up');
    const day = this.options.today();
    const seq = String(this.filesOf(day).length + 1).padStart(4, '0');
    const id = `${day}-${seq}`;
    mkdirSync(this.dir, { recursive: true });
    const date = this.options.now?.() ?? new Date();
    // 'wx': never overwrite a message already in the outbox.
    writeFileSync(join(this.dir, `${id}.eml`), emlOf(message, date, id), { flag: 'wx' });
    this.written++;
  }
}
