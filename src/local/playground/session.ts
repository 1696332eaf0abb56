// The playground's workbook session: every page action runs the same src/app use case as Apps Script on the workbook in memory, answers with what it changed, and hands the writes to the file writer.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Clock, Lock, Store, UserInfo } from '../../app/ports';
import { checkEditedRows, editAnswer } from '../../app/check-edit';
import { checkLedgerEdit, isLedgerTable } from '../../app/ledger-stamps';
import { logSheetEdit } from '../../app/change-log-edit';
import { restoreRow } from '../../app/restore';
import { convertSuggestionAt } from '../../app/suggestion-to-rectification';
import { cellText } from '../../core/grid';
import { tableOfSheet } from '../../core/tables';
import { dateTimeInZone } from '../../core/dates';
import { workbookLanguage } from '../../app/language';
import { recompute } from '../../app/recompute';
import { doneText, planNewSchoolYear, planText, startNewSchoolYear } from '../../app/new-school-year';
import { setUpWorkbook } from '../../app/setup';
import { runDailyJob, type DailyOutcome } from '../../app/daily';
import { runReminders, type RemindDeps, type SendJournal } from '../../app/remind';
import { previewHeadline } from '../../core/report/reminder-preview';
import { buildReportSheet } from '../../app/report';
import { buildSummarySheet, semesterList, summaryScopeOf, type SummaryRequest } from '../../app/summary';
import { defaultSemester } from '../../core/summary/scope';
import { WorkbookSession, type SessionOptions } from '../../app/session';
import { lastMonthOf, reportMonthOf } from '../../app/report-month';
import { OUTBOX_SHEET, sheetLink } from '../../contract/playground-protocol';
import { OutboxMailer, quotaFromEnv } from '../outbox';
import { enteredBy } from '../../app/who';
import { parseDateText, type IsoDate } from '../../core/dates';
import { format, texts, type Lang } from '../../core/i18n/messages';
import type {
  ActionResult,
  BookPatch,
  BookView,
  EditRequest,
  FileState,
  MenuRequest,
  OutboxMessage,
  PlaygroundTexts,
  RunResult,
  SheetPatch,
  SheetView,
} from '../../contract/playground-protocol';
import { playgroundClock } from './adapters';
import { typedCell } from './cell-input';
import { dayRefusal, editRefusal, monthRefusal, tooLongForCell } from './limits';
import { shortenText } from '../xlsx-limits';
import type { FileWriter } from './file-writer';
import type { PlaygroundBackend } from './http';
import { Serial } from './serial';
import { bookSheets, rowViews, sheetView, withChart } from './sheet-view';
import type { TrackedWorkbook } from './tracked-workbook';
import { callServer, isServerFunction, sidebarServer } from './sidebar-server';

export interface SessionPorts {
  lock: Lock;
  store: Store;
  user: UserInfo;
  clock: Clock;
  /** Where each 发送日志 row is made durable before the next mail (the file is written after a quiet spell). */
  journal?: SendJournal & { remove(): void };
}

/** A message the page shows after an action, or an error the page shows instead. */
export class ActionFailed extends Error {
  readonly status = 400;
}

/** More rows changed in a sheet than this, and the sheet is sent whole (a recompute writes every 校验). */
const PATCH_ROWS_MAX = 2000;

export class PlaygroundSession implements PlaygroundBackend {
  private readonly serial = new Serial();
  private closed = false;

  /**
   * `workbook` is the truth while the playground runs; `writer` puts each change in the file after a quiet
   * spell (in a worker thread, so no request waits for a write).
   */
  constructor(
    private workbook: TrackedWorkbook,
    readonly file: string,
    readonly outboxDir: string,
    private readonly ports: SessionPorts,
    private readonly writer: FileWriter,
    private readonly reopen: () => Promise<TrackedWorkbook>,
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

  /** The campaign's settings and semesters only (the summaries' questions need no more). */
  private semesterCampaign() {
    return this.open({ only: ['settings', 'semesters'] });
  }

  private pageTexts(lang: Lang, today: string): PlaygroundTexts {
    const t = texts(lang);
    const lastMonth = lastMonthOf(today);
    const light = this.semesterCampaign();
    const semester = defaultSemester(light.campaign, light.today)?.name ?? '';
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
      dailyJob: t.playground.dailyJob,
      dayPrompt: format(t.playground.dayPrompt, { today }),
      statusSheet: t.sheets.status,
      restore: t.changeLog.menu,
      suggestionToRect: t.todo.menu.suggestionToRect,
      newYear: t.schoolYear.menu,
      restorePrompt: format(t.changeLog.playgroundPrompt, {
        now: dateTimeInZone(this.ports.clock.now(), this.open({ only: ['settings'] }).settings.timeZone),
        today,
      }),
      summarySemester: t.summary.menuSemester,
      summaryYear: t.summary.menuYear,
      semesterPrompt: format(t.summary.semesterPrompt, { semesters: semesterList(light.campaign), semester }),
      defaultSemester: semester,
    };
  }

  /** Whether the file holds every change, in the school's words when a write failed. */
  fileState(): FileState {
    const state = this.writer.state();
    if (state.state !== 'failed') return state;
    const reason = state.message;
    return {
      state: 'failed',
      message: format(texts(this.lang()).playground.writeFailed, { file: this.file, reason }),
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
      file: this.fileState(),
    };
  }

  /**
   * What the changes since the last patch wrote, as the page draws it: the sheets made or replaced whole, the
   * rows written in the others (a sheet with very many sent whole), the tab order, the outbox when asked.
   */
  private patch(withOutbox = false): BookPatch {
    const changes = this.workbook.takeChanges();
    const lang = this.lang();
    const today = this.today();
    const sheets: SheetView[] = [];
    const patches: SheetPatch[] = [];
    for (const ws of this.workbook.book.worksheets) {
      const rows = changes.rows.get(ws.name);
      if (changes.whole.has(ws.name) || (rows !== undefined && rows.size > PATCH_ROWS_MAX)) {
        sheets.push(withChart(sheetView(ws, today), this.workbook.charts.get(ws.name)));
      } else if (rows !== undefined) {
        const grid = this.workbook.read(ws.name) ?? [];
        const width = grid[0]?.length ?? 0;
        patches.push({ name: ws.name, rowCount: grid.length, rows: rowViews(ws, rows, width, today) });
      }
    }
    return {
      today,
      lang,
      texts: this.pageTexts(lang, today),
      sheetNames: this.workbook.sheetNames(),
      sheets,
      patches,
      ...(withOutbox ? { outbox: this.outbox() } : {}),
      file: this.fileState(),
    };
  }

  /**
   * Runs one change after the ones before it: the use case (synchronous, as in Apps Script) on the workbook in
   * memory; its writes go to the file writer, and the answer is the patch of what it wrote. A change that
   * fails is undone: the file is brought up to the change before, and the workbook read back from it.
   */
  private change<T>(work: () => T, withOutbox = false): Promise<{ result: T; patch: BookPatch }> {
    if (this.closed) return Promise.reject(new ActionFailed('The playground is stopping.'));
    return this.serial.run(async () => {
      let result: T;
      try {
        result = work();
      } catch (error) {
        this.workbook.takeOps();
        this.workbook.takeChanges();
        await this.writer.flush();
        this.workbook = await this.reopen();
        throw error;
      }
      this.writer.push(this.workbook.takeOps());
      return { result, patch: this.patch(withOutbox) };
    });
  }

  /** Takes no more changes; resolves once every change is in the file (rejects when that write fails). */
  async close(): Promise<void> {
    this.closed = true;
    await this.serial.idle();
    await this.writer.close();
    this.ports.journal?.remove();
  }

  /** Waits for the changes so far to be in the file. */
  async idle(): Promise<void> {
    await this.serial.idle();
    await this.writer.flush();
  }

  async edit(request: EditRequest): Promise<ActionResult> {
    // Refused before the change starts: a generated sheet, or a cell far beyond the used range (limits.ts).
    const lang = this.lang();
    const used = this.workbook.read(request.sheet);
    if (used === undefined) throw new ActionFailed(`No sheet ${request.sheet}`);
    const refusal = editRefusal(request, { rows: used.length, columns: used[0]?.length ?? 0 }, lang);
    if (refusal !== undefined) throw new ActionFailed(refusal);
    const long = tooLongForCell(request.text);
    const text = long ? shortenText(request.text, lang) : request.text;
    const { result: message, patch } = await this.change(() => {
      const grid = this.workbook.read(request.sheet);
      if (grid === undefined) throw new ActionFailed(`No sheet ${request.sheet}`);
      const header = String(grid[0]?.[request.col] ?? '');
      const value = request.row === 1 ? text || null : typedCell(request.sheet, header, text);
      const oldValue = cellText(grid[request.row - 1]?.[request.col] ?? null);
      this.workbook.writeColumn(request.sheet, request.col, request.row, [value]);
      // What Apps Script's onEdit does (src/gas/edit.ts), on the same use case: one typed cell, old → new logged.
      const edit = { firstColumn: request.col, columns: 1, typed: { oldValue } };
      const who = enteredBy(this.ports.user, this.ports.store);
      const ctx = { now: this.ports.clock.now(), userEmail: who, edit };
      const table = tableOfSheet(request.sheet);
      if (table !== 'visits' && table !== 'homeVisits') {
        const rows = { first: request.row, last: request.row };
        const log = { now: ctx.now, who };
        this.ports.lock.withLock(() =>
          isLedgerTable(table)
            ? checkLedgerEdit(this.workbook, request.sheet, rows, edit, log)
            : logSheetEdit(this.workbook, request.sheet, rows, edit, log),
        );
        return undefined;
      }
      const checked = this.ports.lock.withLock(() =>
        checkEditedRows(this.workbook, request.sheet, request.row, request.row, ctx),
      );
      // As the toast and the note in Sheets: the verdict on the status line, a note (a red corner) on the cell.
      const answer = editAnswer(checked, dateTimeInZone(ctx.now, checked.timeZone ?? 'Asia/Shanghai'));
      if (answer === undefined || request.col === checked.checkColumn) return answer?.message;
      this.markCell(request.sheet, request.row, request.col, answer.notes.get(request.row) ?? '');
      return answer.message;
    });
    const said = [message, long ? texts(lang).files.editShortened : undefined].filter((m) => m !== undefined);
    return said.length === 0 ? { patch } : { patch, message: said.join(' ') };
  }

  /**
   * Puts the check's note on an edited cell (its value written again as it stands), or takes away a note the
   * check left there earlier once the row is put right; a note someone typed is left alone.
   */
  private markCell(sheet: string, row: number, col: number, note: string): void {
    const cell = this.workbook.book.getWorksheet(sheet)?.getCell(row, col + 1);
    const old = typeof cell?.note === 'string' ? cell.note : '';
    const ours = (text: string) => /^(校验（|Check \()/u.test(text);
    if (note === '' && !ours(old)) return;
    if (note === old) return;
    const value = this.workbook.read(sheet)?.[row - 1]?.[col] ?? null;
    this.workbook.writeColumn(sheet, col, row, [value], [note]);
  }

  async menu(request: MenuRequest): Promise<ActionResult> {
    const lang = this.lang();
    const t = texts(lang);
    switch (request.action) {
      case 'setUp': {
        const { result: message, patch } = await this.change(() =>
          this.ports.lock.withLock(() => {
            const made = setUpWorkbook(this.workbook, lang, this.today());
            recompute(this.open());
            const columns = made.addedColumns.reduce((n, a) => n + a.columns.length, 0);
            return format(t.menu.setUpDone, { created: made.created.length, columns });
          }),
        );
        return { patch, message };
      }
      case 'recompute': {
        const { result, patch } = await this.change(() =>
          this.ports.lock.withLock(() => recompute(this.open())),
        );
        return {
          patch,
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
        const outOfReach = monthRefusal(month, typed, this.today(), lang);
        if (outOfReach !== undefined) throw new ActionFailed(outOfReach);
        const { result: sheet, patch } = await this.change(() =>
          this.ports.lock.withLock(() => buildReportSheet(this.open(), { month }).sheet),
        );
        return { patch, message: format(t.remind.reportDone, { sheet }), show: sheet };
      }
      case 'summarySemester':
      case 'summaryYear': {
        // As the Sheets menu: a name of no semester is refused with the list, before anything is written.
        const ask: SummaryRequest =
          request.action === 'summaryYear'
            ? { kind: 'year' }
            : { kind: 'semester', name: request.semester ?? '' };
        const light = this.semesterCampaign();
        const found = summaryScopeOf(light.campaign, ask, light.today);
        if ('refusal' in found) throw new ActionFailed(found.refusal);
        const { result: sheet, patch } = await this.change(() =>
          this.ports.lock.withLock(() => buildSummarySheet(this.open(), found.scope).sheet),
        );
        return { patch, message: format(t.summary.done, { sheet }), show: sheet };
      }
      case 'remindPreview': {
        const session = this.open();
        const result = runReminders(session, this.remindDeps(session), { dryRun: true });
        const message = previewHeadline(result.plan, lang).join(' ');
        const mails = result.messages.map((m) => ({ to: m.to, subject: m.subject, text: m.body }));
        const dialog = { title: t.remind.previewTitle, text: message, mails };
        return { patch: this.patch(), message, dialog };
      }
      case 'remindSend': {
        const { result, patch } = await this.change(() => {
          const session = this.open();
          return runReminders(session, this.remindDeps(session));
        }, true);
        await this.journalWritten();
        const counts = { sent: result.messages.length, deferred: result.deferred, failed: result.failed };
        const none = counts.sent + counts.deferred + counts.failed === 0;
        const message = format(none ? t.playground.sentNone : t.playground.sent, {
          ...counts,
          dir: this.outboxDir,
        });
        return { patch, message, show: OUTBOX_SHEET };
      }
      case 'daily':
        return this.daily(request.day ?? '');
      case 'restore': {
        // As 恢复行's two prompts in Sheets, in one question: the row first, then the time (from the year on).
        const typed = (request.restore ?? '').trim();
        const at = /\s(\d{4}\s*[-/.年])/.exec(typed)?.index ?? typed.length;
        const ask = {
          target: typed.slice(0, at),
          since: typed.slice(at).trim(),
          who: enteredBy(this.ports.user, this.ports.store),
        };
        const { result, patch } = await this.change(() =>
          restoreRow(this.workbook, { clock: this.ports.clock, lock: this.ports.lock }, ask),
        );
        if (result.restored === 0) throw new ActionFailed(result.message);
        return { patch, message: result.message, ...(result.sheet ? { show: result.sheet } : {}) };
      }
      case 'suggestionToRect': {
        // As the menu item in Sheets, on the selected cell's row (the playground asks no confirmation).
        const at = { sheet: request.cell?.sheet ?? '', row: request.cell?.row ?? 0 };
        const who = enteredBy(this.ports.user, this.ports.store);
        const { result, patch } = await this.change(() =>
          convertSuggestionAt(this.open(), this.ports.lock, { ...at, who }),
        );
        if (!result.ok) throw new ActionFailed(result.errors.map((e) => e.message).join(' '));
        return { patch, message: result.message };
      }
      case 'newYear':
        return this.newYear(request);
      case 'help':
        return { patch: this.patch(), dialog: { title: t.menu.helpTitle, text: t.menu.helpText } };
      default:
        throw new ActionFailed(`Unknown menu action ${String(request.action)}`);
    }
  }

  /**
   * 开始新学年, as in Sheets: first the plan and its question (the new semester's name offered), then, confirmed,
   * the rows appended under the lock (the 学生 sheet read again there).
   */
  private async newYear(request: MenuRequest): Promise<ActionResult> {
    const t = texts(this.lang()).schoolYear;
    if (request.confirmed !== true) {
      const session = this.open();
      const outcome = planNewSchoolYear(session);
      if (!outcome.ok) throw new ActionFailed(outcome.message);
      const prompt = `${planText(session, outcome.plan)}\n\n${t.playgroundPrompt}`;
      const ask = {
        prompt,
        value: outcome.plan.to.name,
        request: { action: 'newYear' as const, confirmed: true },
      };
      return { patch: this.patch(), ask };
    }
    const to = (request.semester ?? '').trim();
    const { result, patch } = await this.change(() =>
      this.ports.lock.withLock(() => {
        const session = this.open();
        const done = startNewSchoolYear(
          session,
          enteredBy(this.ports.user, this.ports.store),
          to === '' ? {} : { to },
        );
        return 'ok' in done ? done : { message: doneText(session, done), sheet: done.plan.sheet };
      }),
    );
    if ('ok' in result) throw new ActionFailed(result.message);
    return { patch, message: result.message, show: result.sheet };
  }

  /** The reminder run's ports: the outbox folder beside the workbook stands for MailApp. */
  private remindDeps(session: WorkbookSession, clock: Clock = this.ports.clock): RemindDeps {
    const { lock, store, journal } = this.ports;
    const mailer = new OutboxMailer(this.outboxDir, {
      today: () => session.today,
      now: () => clock.now(),
      dailyQuota: quotaFromEnv(),
    });
    return { mailer, lock, clock, store, ...(journal ? { journal } : {}) };
  }

  /** After a run that sent mail: once the file holds its 发送日志 rows, the journal that kept them goes. */
  private async journalWritten(): Promise<void> {
    const journal = this.ports.journal;
    if (!journal) return;
    // Inside the queue: no other change runs between the flush and the removal.
    // A write that fails keeps the journal (the status line says the file is behind; it is retried).
    await this.serial.run(() =>
      this.writer.flush().then(
        () => journal.remove(),
        () => undefined,
      ),
    );
  }

  /**
   * The daily job of Apps Script's trigger (src/app/daily.ts) for a chosen day (empty: today), as if the
   * trigger ran that day: a session with that today, and a clock on that day for the 发送日志 stamps. Its mail
   * goes to the outbox, its report sheet becomes a tab, and the status line says what it did.
   */
  private async daily(typed: string): Promise<ActionResult> {
    const t = texts(this.lang()).playground;
    const today = this.today();
    const day: IsoDate | null = typed.trim() === '' ? today : parseDateText(typed.trim());
    if (day === null) throw new ActionFailed(format(t.badDay, { value: typed.trim() }));
    const outOfReach = dayRefusal(day, typed, today, this.lang());
    if (outOfReach !== undefined) throw new ActionFailed(outOfReach);
    const clock = day === today ? this.ports.clock : playgroundClock(day);
    const { result, patch } = await this.change((): DailyOutcome => {
      const session = WorkbookSession.open(this.workbook, clock, { today: day });
      return runDailyJob(session, {
        ...this.remindDeps(session, clock),
        sheetLink,
        isBusy: (error) => error instanceof Error && /busy/i.test(error.message),
      });
    }, true);
    await this.journalWritten();
    const outcome = result.report;
    const reportName = texts(patch.lang).sheets.report;
    const reportSheet = patch.sheets.find((s) => !s.editable && s.name.startsWith(reportName));
    const report =
      outcome === null
        ? t.dailyReportNone
        : format(t.dailyReportBuilt, { sheet: reportSheet?.name ?? '', mail: t.dailyReportMail[outcome] });
    const reminders = result.reminders;
    const parts = [
      format(t.dailyDone, {
        day,
        report,
        sent: reminders?.messages.length ?? 0,
        deferred: reminders?.deferred ?? 0,
        failed: reminders?.failed ?? 0,
      }),
    ];
    if (reminders === null) parts.push(t.dailyRemindersBusy);
    if (result.errors.length > 0) parts.push(format(t.dailyErrors, { errors: result.errors.join('; ') }));
    return { patch, message: parts.join(' '), show: reportSheet?.name ?? OUTBOX_SHEET };
  }

  /** google.script.run: the sidebar's server function of that name, its result as JSON. */
  async run(name: string, args: unknown[]): Promise<RunResult> {
    if (!isServerFunction(name)) return { ok: false, error: `google.script.run has no function ${name}` };
    try {
      const { result: value, patch } = await this.change(() =>
        callServer(sidebarServer(this.workbook, this.ports), name, args),
      );
      // What crosses is JSON, as with Apps Script (which drops what JSON cannot carry).
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown, patch };
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
