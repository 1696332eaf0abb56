// `remind FILE [--today] [--dry-run] [--json]`: the reminder run; messages go to outbox/ and 发送日志 is saved.
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { format, texts } from '../../core/i18n/messages';
import type { Lock } from '../../app/ports';
import { runReminders } from '../../app/remind';
import { OutboxMailer, outboxDirOf, quotaFromEnv } from '../outbox';
import { saveXlsx, XlsxWorkbook } from '../xlsx-workbook';
import { CliError, DEFAULT_LANG, type CliCommand } from './command';
import { openCampaign } from './open-campaign';

/** A lock held by a run on this computer is taken over after this long (a run that died). */
const STALE_LOCK_MS = 10 * 60_000;

/** The document lock offline: a `FILE.lock` file made exclusively beside the workbook, removed after the run. */
export class FileLock implements Lock {
  constructor(
    private readonly path: string,
    private readonly busy: () => Error,
  ) {}

  private take(): void {
    try {
      const fd = openSync(this.path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statSync(this.path).mtimeMs < STALE_LOCK_MS) throw this.busy();
      rmSync(this.path, { force: true });
      this.take();
    }
  }

  withLock<T>(fn: () => T): T {
    this.take();
    try {
      return fn();
    } finally {
      rmSync(this.path, { force: true });
    }
  }

  /** The same around asynchronous work (reading and saving the workbook). */
  async withLockAsync<T>(fn: () => Promise<T>): Promise<T> {
    this.take();
    try {
      return await fn();
    } finally {
      rmSync(this.path, { force: true });
    }
  }
}

export const remindCommand: CliCommand = {
  options: {
    today: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(file, values, io) {
    const dryRun = values['dry-run'] === true;
    if (dryRun) return remind(file, values, io, true);
    // Two real runs on one file must not both read the log before either saves it: the whole
    // read, send and save is held under a second lock file (the per-message lock is FILE.lock).
    const busy = () => new CliError(texts(DEFAULT_LANG).remind.busy, 2);
    return new FileLock(`${file}.run.lock`, busy).withLockAsync(() => remind(file, values, io, false));
  },
};

async function remind(
  file: string,
  values: Parameters<CliCommand['run']>[1],
  io: Parameters<CliCommand['run']>[2],
  dryRun: boolean,
): Promise<number> {
  // A real run saves 发送日志 back into the workbook, so the whole file is read (dropdowns included).
  const { workbook, session, campaign, today } = await openCampaign(file, values, io, { readOnly: dryRun });
  const t = texts(campaign.lang).remind;
  const dir = outboxDirOf(file);
  const mailer = new OutboxMailer(dir, { today: () => today, now: io.now, dailyQuota: quotaFromEnv() });
  const lock = new FileLock(`${file}.lock`, () => new CliError(t.busy, 2));
  const result = runReminders(session, { mailer, lock, clock: { now: io.now } }, { dryRun });
  const logged = result.plan.send.length + result.plan.defer.length + result.plan.noEmail.length > 0;
  if (!dryRun && logged) {
    // Opened whole (not read-only), so exceljs's workbook: the only kind that can be saved.
    if (!(workbook instanceof XlsxWorkbook)) throw new Error('the workbook was opened read-only');
    await saveXlsx(workbook, file);
  }
  if (values.json === true) {
    io.out(
      JSON.stringify({ today: result.today, messages: result.messages, deferred: result.deferred }, null, 2),
    );
    return 0;
  }
  for (const m of result.messages) io.out(format(t.cliMessage, { ...m }));
  if (dryRun) {
    io.out(
      result.messages.length === 0 && result.deferred === 0
        ? format(t.previewNone, { today: result.today })
        : format(t.previewSummary, {
            today: result.today,
            count: result.messages.length,
            deferred: result.deferred,
          }),
    );
  } else {
    io.out(
      format(t.sent, { sent: result.messages.length, deferred: result.deferred, failed: result.failed }),
    );
    if (result.messages.length > 0) io.out(format(t.cliOutbox, { dir }));
  }
  return 0;
}
