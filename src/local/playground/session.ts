// The playground's workbook session: every page action runs the same src/app use case as Apps Script, then saves the .xlsx.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Clock, Lock, Store, UserInfo } from '../../app/ports';
import { checkEditedRows } from '../../app/check-edit';
import { workbookLanguage } from '../../app/language';
import { recompute } from '../../app/recompute';
import { setUpWorkbook } from '../../app/setup';
import { runReminders, type RemindDeps } from '../../app/remind';
import { buildReportSheet } from '../../app/report';
import { WorkbookSession, type SessionOptions } from '../../app/session';
import { lastMonthOf, reportMonthOf } from '../../app/report-month';
import { OUTBOX_SHEET } from '../../contract/playground-protocol';
import { OutboxMailer, quotaFromEnv } from '../outbox';
import { enteredBy } from '../../app/who';
import { format, texts, type Lang } from '../../core/i18n/messages';
import type {
  ActionResult,
  BookView,
  EditRequest,
  MenuRequest,
  OutboxMessage,
  PlaygroundTexts,
  RunResult,
} from '../../contract/playground-protocol';
import { openXlsx, type XlsxWorkbook } from '../xlsx-workbook';
import { typedCell } from './cell-input';
import type { PlaygroundBackend } from './http';
import { Serial } from './serial';
import { bookSheets } from './sheet-view';
import { callServer, isServerFunction, sidebarServer } from './sidebar-server';
import type { SaveResult } from '../../contract/sidebar-payload';

export interface SessionPorts {
  lock: Lock;
  store: Store;
  user: UserInfo;
  clock: Clock;
}

/** A message the page shows after an action, or an error the page shows instead. */
export class ActionFailed extends Error {
  readonly status = 400;
}

export class PlaygroundSession implements PlaygroundBackend {
  private readonly serial = new Serial();
  private closed = false;

  constructor(
    private workbook: XlsxWorkbook,
    readonly file: string,
    readonly outboxDir: string,
    private readonly ports: SessionPorts,
  ) {}

  /** The workbook's language (设置 语言, else its sheet names). */
  lang(): Lang {
    return workbookLanguage(this.workbook, 'zh');
  }

  /** A session on the workbook in memory: every use case starts from one. */
  private open(options: SessionOptions = {}): WorkbookSession {
    return WorkbookSession.open(this.workbook, this.ports.clock, options);
  }

  /** The school's today (设置 read for its time zone). */
  private today(): string {
    return this.open({ only: ['settings'] }).today;
  }

  private pageTexts(lang: Lang, today: string): PlaygroundTexts {
    const t = texts(lang);
    const lastMonth = lastMonthOf(today);
    return {
      title: t.playground.title,
      menu: t.menu.title,
      logVisit: t.menu.recordVisit,
      setUp: t.menu.setUp,
      recompute: t.menu.recompute,
      report: t.remind.menu.report,
      remindPreview: t.remind.menu.preview,
      remindSend: t.playground.sendReminders,
      help: t.menu.help,
      outbox: t.playground.outbox,
      outboxEmpty: t.playground.outboxEmpty,
      sidebarTitle: t.menu.recordVisit,
      close: t.playground.close,
      monthPrompt: format(t.remind.reportPrompt, { month: lastMonth }),
      lastMonth,
      ok: t.playground.ok,
      cancel: t.playground.cancel,
      protectedSheet: t.playground.protectedSheet,
      saved: t.playground.saved,
      workbookLine: format(t.playground.usingWorkbook, { file: this.file }),
      menuBar: t.playground.menuBar,
      sheetTabs: t.playground.sheetTabs,
    };
  }

  /** The outbox's messages, newest first (subject and plain-text part decoded from each .eml). */
  outbox(): OutboxMessage[] {
    let names: string[];
    try {
      names = readdirSync(this.outboxDir).filter((n) => n.endsWith('.eml'));
    } catch {
      return [];
    }
    return names
      .sort()
      .reverse()
      .map((name) => readEml(path.join(this.outboxDir, name), name));
  }

  view(): BookView {
    const lang = this.lang();
    const today = this.today();
    return {
      workbook: this.file,
      today,
      lang,
      texts: this.pageTexts(lang, today),
      sheets: bookSheets(this.workbook),
      outbox: this.outbox(),
    };
  }

  /**
   * Runs one change after the ones before it: the use case (synchronous, as in Apps Script), then the
   * save. A change that fails leaves the file as it was and the workbook is read back from it.
   */
  private change<T>(work: () => T, save: (result: T) => boolean = () => true): Promise<T> {
    if (this.closed) return Promise.reject(new ActionFailed('The playground is stopping.'));
    return this.serial.run(async () => {
      let result: T;
      try {
        result = work();
      } catch (error) {
        this.workbook = await openXlsx(this.file);
        throw error;
      }
      if (save(result)) await this.workbook.save(this.file);
      return result;
    });
  }

  /** Takes no more changes; resolves once the change in progress (and any queued) is written. */
  close(): Promise<void> {
    this.closed = true;
    return this.serial.idle();
  }

  /** Waits for the change in progress (and any queued) to be written. */
  idle(): Promise<void> {
    return this.serial.idle();
  }

  async edit(request: EditRequest): Promise<ActionResult> {
    await this.change(() => {
      const grid = this.workbook.read(request.sheet);
      if (grid === undefined) throw new ActionFailed(`No sheet ${request.sheet}`);
      const header = String(grid[0]?.[request.col] ?? '');
      const value = request.row === 1 ? request.text || null : typedCell(request.sheet, header, request.text);
      this.workbook.writeColumn(request.sheet, request.col, request.row, [value]);
      // What Apps Script's onEdit does (src/gas/edit.ts), on the same use case.
      const ctx = { now: this.ports.clock.now(), userEmail: enteredBy(this.ports.user, this.ports.store) };
      this.ports.lock.withLock(() =>
        checkEditedRows(this.workbook, request.sheet, request.row, request.row, ctx),
      );
    });
    return { book: this.view() };
  }

  async menu(request: MenuRequest): Promise<ActionResult> {
    const lang = this.lang();
    const t = texts(lang);
    switch (request.action) {
      case 'setUp': {
        const message = await this.change(() =>
          this.ports.lock.withLock(() => {
            const made = setUpWorkbook(this.workbook, lang, this.today());
            recompute(this.open());
            const columns = made.addedColumns.reduce((n, a) => n + a.columns.length, 0);
            return format(t.menu.setUpDone, { created: made.created.length, columns });
          }),
        );
        return { book: this.view(), message };
      }
      case 'recompute': {
        const result = await this.change(() => this.ports.lock.withLock(() => recompute(this.open())));
        return {
          book: this.view(),
          message: format(texts(this.lang()).menu.recomputeDone, {
            errors: result.errors,
            warnings: result.warnings,
          }),
          show: result.statusSheet,
        };
      }
      case 'report': {
        // As the Sheets prompt: empty is last month, and a typed month may be 2027/3 or 2027年3月.
        const typed = request.month ?? '';
        const month = reportMonthOf(typed, this.today());
        if (month === undefined)
          throw new ActionFailed(format(t.remind.reportBadMonth, { value: typed.trim() }));
        const sheet = await this.change(() =>
          this.ports.lock.withLock(() => buildReportSheet(this.open(), { month }).sheet),
        );
        return { book: this.view(), message: format(t.remind.reportDone, { sheet }), show: sheet };
      }
      case 'remindPreview': {
        const session = this.open();
        const result = runReminders(session, this.remindDeps(session), { dryRun: true });
        const message = !result.reminderDay
          ? format(t.remind.notReminderDay, { days: session.campaign.settings.reminderDays.join(', ') })
          : result.messages.length === 0 && result.deferred === 0
            ? format(t.remind.previewNone, { today: result.today })
            : format(t.remind.previewSummary, {
                today: result.today,
                count: result.messages.length,
                deferred: result.deferred,
              });
        const mails = result.messages.map((m) => ({ to: m.to, subject: m.subject, text: m.body }));
        return { book: this.view(), message, dialog: { title: t.remind.previewTitle, text: message, mails } };
      }
      case 'remindSend': {
        const result = await this.change(
          () => {
            const session = this.open();
            return runReminders(session, this.remindDeps(session));
          },
          (r) => r.plan.send.length + r.plan.defer.length + r.plan.noEmail.length > 0,
        );
        const counts = { sent: result.messages.length, deferred: result.deferred, failed: result.failed };
        const none = counts.sent + counts.deferred + counts.failed === 0;
        const message = format(none ? t.playground.sentNone : t.playground.sent, {
          ...counts,
          dir: this.outboxDir,
        });
        return { book: this.view(), message, show: OUTBOX_SHEET };
      }
      case 'help':
        return { book: this.view(), dialog: { title: t.menu.helpTitle, text: t.menu.helpText } };
      default:
        throw new ActionFailed(`Unknown menu action ${String(request.action)}`);
    }
  }

  /** The reminder run's ports: the outbox folder beside the workbook stands for MailApp. */
  private remindDeps(session: WorkbookSession): RemindDeps {
    const { clock, lock, store } = this.ports;
    const mailer = new OutboxMailer(this.outboxDir, {
      today: () => session.today,
      now: () => clock.now(),
      dailyQuota: quotaFromEnv(),
    });
    return { mailer, lock, clock, store };
  }

  /** google.script.run: the sidebar's server function of that name, its result as JSON. */
  async run(name: string, args: unknown[]): Promise<RunResult> {
    if (!isServerFunction(name)) return { ok: false, error: `google.script.run has no function ${name}` };
    try {
      const value = await this.change(
        () => callServer(sidebarServer(this.workbook, this.ports), name, args),
        (result) => name === 'sidebarSave' && (result as SaveResult).ok,
      );
      // What crosses is JSON, as with Apps Script (which drops what JSON cannot carry).
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Decodes one outbox .eml (as src/local/outbox.ts writes it): To, Subject, the text/plain part. */
function readEml(file: string, name: string): OutboxMessage {
  const raw = readFileSync(file, 'utf8');
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const header = (field: string) => new RegExp(`^${field}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  const subject = header('Subject').replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString('utf8'),
  );
  const body = rest.join('\n\n');
  const plain =
    /Content-Type: text\/plain[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n--/i.exec(body)?.[1] ?? '';
  return {
    file: name,
    to: header('To'),
    subject,
    text: Buffer.from(plain.replace(/\s+/g, ''), 'base64').toString('utf8'),
  };
}
