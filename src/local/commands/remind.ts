// `remind FILE [--today] [--dry-run] [--json]`: the reminder run under the workbook's lock; messages go to outbox/, each logged in a journal before the next, 发送日志 saved.
import { mkdirSync } from 'node:fs';
import { format, texts } from '../../core/i18n/messages';
import type { Lock } from '../../app/ports';
import { runReminders } from '../../app/remind';
import { previewHeadline } from '../../core/report/reminder-preview';
import { OutboxMailer, outboxDirOf, quotaFromEnv } from '../outbox';
import { FileSendJournal, journalFileOf, mergeJournal } from '../send-journal';
import { XlsxWorkbook } from '../xlsx-workbook';
import { CliError, type CliCommand } from './command';
import { checkWorkbookWritable, holdWorkbook, saveWorkbook } from './hold';
import { openCampaign } from './open-campaign';

/** The run holds the workbook's file lock from start to end: inside it, the use case's lock is this process's alone. */
const heldLock: Lock = { withLock: (fn) => fn() };

export const remindCommand: CliCommand = {
  options: {
    today: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(file, values, io) {
    const dryRun = values['dry-run'] === true;
    if (dryRun) return remind(file, values, io, true);
    // Read, send and save under the one lock every writer of the workbook takes (the playground too), so
    // no other process writes the file between this run's read and its save.
    return holdWorkbook(file, 'visit-ledger remind', io, () => remind(file, values, io, false));
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
  const journal = new FileSendJournal(journalFileOf(file));
  let merged = 0;
  if (!dryRun) {
    // Refused before the first mail: a file that cannot be saved would lose the log of what was sent.
    checkWorkbookWritable(file, campaign.lang);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CliError(format(texts(campaign.lang).files.outboxFailed, { dir, reason }), 2);
    }
    // The mails a run that died had sent (its journal) are in the log before this run plans.
    merged = mergeJournal(workbook, campaign, journal);
  }
  const mailer = new OutboxMailer(dir, { today: () => today, now: io.now, dailyQuota: quotaFromEnv() });
  const result = runReminders(
    session,
    { mailer, lock: heldLock, clock: { now: io.now }, ...(dryRun ? {} : { journal }) },
    { dryRun },
  );
  const logged = result.plan.send.length + result.plan.defer.length + result.plan.noEmail.length > 0;
  if (!dryRun && (logged || merged > 0)) {
    // Opened whole (not read-only), so exceljs's workbook: the only kind that can be saved.
    if (!(workbook instanceof XlsxWorkbook)) throw new Error('the workbook was opened read-only');
    await saveWorkbook(workbook, file, campaign.lang, io);
  }
  // The file now holds every row of the journal.
  if (!dryRun) journal.remove();
  if (values.json === true) {
    io.out(
      JSON.stringify({ today: result.today, messages: result.messages, deferred: result.deferred }, null, 2),
    );
    return 0;
  }
  const m = texts(campaign.lang).reminderMail;
  const sep = campaign.lang === 'en' ? ', ' : '、';
  // A preview on a day that is not a reminder day first says which day its messages are for.
  const headline = dryRun ? previewHeadline(result.plan, campaign.lang) : [];
  if (headline.length > 1) io.out(headline.shift()!);
  for (const message of result.messages)
    io.out(
      format(m.cliMessage, {
        to: message.to,
        name: message.name,
        kind: m.kinds[message.kind],
        units: message.units.join(sep) || '—',
        subject: message.subject,
      }),
    );
  if (dryRun) {
    for (const line of headline) io.out(line);
  } else {
    io.out(
      format(t.sent, { sent: result.messages.length, deferred: result.deferred, failed: result.failed }),
    );
    if (result.messages.length > 0) io.out(format(t.cliOutbox, { dir }));
  }
  return 0;
}
