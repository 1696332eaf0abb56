// The playground page: the workbook's sheets as tabs and grids, the 走访台账 menu, the sidebar panel, dialogs.
import { h, replaceChildren } from '../dom';
import type { ServerFunction } from '../../contract/server-api';
import { api } from './api';
import { SheetGrid } from './grid';
import { menuBar } from './menu';
import {
  OUTBOX_SHEET,
  sheetOfLink,
  type ActionResult,
  type BookPatch,
  type BookView,
  type FileState,
  type MenuAction,
  type MenuRequest,
  type OutboxMessage,
} from '../../contract/playground-protocol';
import { applyPatch } from './patch';
import { scriptRun, type ShimRunner } from './script-run';

/** How often the page asks whether a pending or failed write has reached the file. */
const FILE_POLL_MS = 2000;

declare global {
  interface Window {
    /** Read by the sidebar iframe's first script: its google.script.run. */
    visitLedgerPlayground?: { scriptRun(): ShimRunner };
  }
}

const OUTBOX_TAB = OUTBOX_SHEET;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

class Playground {
  private book: BookView | undefined;
  private current = '';
  private readonly grid: SheetGrid;
  private readonly status = byId('status');
  private readonly tabs = byId('tabs');
  private readonly sheetArea = byId('grid');
  private readonly outboxArea = byId('outbox');
  private readonly panel = byId('sidebar-panel');
  private readonly frame = byId<HTMLIFrameElement>('sidebar-frame');
  private file: FileState = { state: 'saved' };
  private filePoll: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.grid = new SheetGrid(this.sheetArea, byId('cell-ref'), byId('cell-text'), byId('cell-note'), {
      edit: (row, col, text) => this.edit(row, col, text),
      refused: () => this.say(this.book?.texts.protectedSheet ?? ''),
    });
    byId('sidebar-close').addEventListener('click', () => this.closeSidebar());
    this.tabs.addEventListener('keydown', (e) => this.onTabKey(e));
    window.visitLedgerPlayground = {
      scriptRun: () => scriptRun((name, patch) => this.afterServerCall(name, patch)),
    };
    // A `#sheet=NAME` link (the daily job's report email carries one) brings that sheet forward.
    window.addEventListener('hashchange', () => this.showLinked());
  }

  async start(): Promise<void> {
    const book = await api.book();
    this.apply(book, sheetOfLink(location.hash));
    this.watchFile(book.file);
    const texts = this.texts();
    document.title = `${texts.title}`;
    document.documentElement.lang = this.book?.lang === 'en' ? 'en' : 'zh-CN';
    byId('doc-title').textContent = texts.title;
    byId('workbook').textContent = texts.workbookLine;
    byId('menubar').setAttribute('aria-label', texts.menuBar);
    this.tabs.setAttribute('aria-label', texts.sheetTabs);
    byId('sidebar-title').textContent = texts.sidebarTitle;
    byId('sidebar-close').setAttribute('aria-label', texts.close);
    this.frame.title = texts.sidebarTitle;
    const action = (id: MenuAction) => () => void this.menu(id);
    menuBar(byId('menubar'), texts.menu, [
      { id: 'logVisit', label: texts.logVisit, run: () => this.openSidebar() },
      { id: 'setUp', label: texts.setUp, run: action('setUp') },
      { id: 'recompute', label: texts.recompute, run: action('recompute') },
      { id: 'report', label: texts.report, run: () => this.askMonth() },
      {
        id: 'summarySemester',
        label: texts.summarySemester,
        run: () =>
          this.ask(texts.semesterPrompt, '', texts.defaultSemester, (semester) => ({
            action: 'summarySemester',
            semester,
          })),
      },
      { id: 'summaryYear', label: texts.summaryYear, run: action('summaryYear') },
      { id: 'remindPreview', label: texts.remindPreview, run: action('remindPreview') },
      { id: 'remindSend', label: texts.remindSend, run: action('remindSend') },
      { id: 'daily', label: texts.dailyJob, run: () => this.askDay() },
      {
        id: 'restore',
        label: texts.restore,
        run: () => this.ask(texts.restorePrompt, '', '', (restore) => ({ action: 'restore', restore })),
      },
      {
        id: 'suggestionToRect',
        label: texts.suggestionToRect,
        run: () => void this.menuOnCell('suggestionToRect'),
      },
      { id: 'newYear', label: texts.newYear, run: action('newYear') },
      { id: 'help', label: texts.help, run: action('help') },
    ]);
    document.body.classList.add('ready');
  }

  private texts(): BookView['texts'] {
    if (!this.book) throw new Error('The workbook is not loaded yet');
    return this.book.texts;
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  /** The tab to show: `show` when given, else the current one, else the first. */
  private tabToShow(book: BookView, show?: string): string {
    const names = book.sheets.map((s) => s.name);
    // The page opens on 进度 (the figures at a glance) when the workbook has it.
    const opening =
      this.current === '' && names.includes(book.texts.statusSheet) ? book.texts.statusSheet : '';
    const current = show ?? (this.current || opening);
    return current === OUTBOX_TAB || names.includes(current) ? current : (names[0] ?? OUTBOX_TAB);
  }

  /** Takes the whole book from the server and draws the current tab again (or `show`, when given). */
  private apply(book: BookView, show?: string): void {
    this.book = book;
    const current = this.tabToShow(book, show);
    this.renderTabs(current);
    this.showTab(current, false);
  }

  /**
   * Takes what a change did (a BookPatch) into the book held, and draws only what it touched: the tabs when
   * they changed, the sheet shown whole when it was sent whole, else only its changed rows.
   */
  private applyPatch(patch: BookPatch, show?: string): void {
    const book = this.book;
    if (!book) return;
    const tabsOf = (b: BookView) => `${b.sheets.map((s) => s.name).join('\u0000')}|${b.outbox.length}`;
    const applied = applyPatch(book, patch);
    this.book = applied.book;
    const current = this.tabToShow(applied.book, show);
    if (tabsOf(book) !== tabsOf(applied.book) || current !== this.current) this.renderTabs(current);
    if (current !== this.current || applied.whole.has(current) || (current === OUTBOX_TAB && patch.outbox))
      this.showTab(current, false);
    else {
      const sheet = applied.book.sheets.find((s) => s.name === current);
      const rows = applied.rows.get(current);
      if (sheet && rows) this.grid.patch(sheet, rows);
    }
    this.watchFile(patch.file);
  }

  /**
   * The file's state after a change: a failed write is said on the status line (and said again when it is
   * written after all); while a write is pending or failed the page asks again every few seconds.
   */
  private watchFile(file: FileState): void {
    const was = this.file.state;
    this.file = file;
    document.body.dataset.file = file.state;
    if (file.state === 'failed') this.say(file.message);
    else if (was === 'failed' && file.state === 'saved' && this.book)
      this.say(this.book.texts.saved.replace('{file}', this.book.workbook));
    if (file.state === 'saved' || this.filePoll !== undefined) return;
    this.filePoll = setTimeout(() => {
      this.filePoll = undefined;
      api.file().then(
        (next) => this.watchFile(next),
        () => this.watchFile(this.file),
      );
    }, FILE_POLL_MS);
  }

  private showLinked(): void {
    const sheet = sheetOfLink(location.hash);
    if (sheet !== undefined && this.book?.sheets.some((s) => s.name === sheet)) {
      this.renderTabs(sheet);
      this.showTab(sheet, true);
    }
  }

  private renderTabs(current: string): void {
    const book = this.book;
    if (!book) return;
    const tab = (id: string, label: string, extra: string) => {
      const button = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${book.sheets.findIndex((s) => s.name === id)}`,
          'data-sheet': id,
          'aria-selected': id === current ? 'true' : 'false',
          'aria-controls': id === OUTBOX_TAB ? 'outbox' : 'grid',
          tabindex: id === current ? 0 : -1,
          class: extra,
        },
        label,
      );
      button.addEventListener('click', () => this.showTab(id, true));
      return button;
    };
    replaceChildren(
      this.tabs,
      ...book.sheets.map((s) => tab(s.name, s.name, s.editable ? '' : 'generated')),
      tab(OUTBOX_TAB, `${book.texts.outbox} (${book.outbox.length})`, 'outbox-tab'),
    );
  }

  private onTabKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const tabs = [...this.tabs.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length];
    if (!next) return;
    e.preventDefault();
    this.showTab(next.dataset.sheet ?? '', false);
    next.focus();
  }

  private showTab(name: string, focusGrid: boolean): void {
    const book = this.book;
    if (!book) return;
    this.current = name;
    for (const tab of this.tabs.querySelectorAll<HTMLElement>('[role=tab]')) {
      const on = tab.dataset.sheet === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
    }
    const outbox = name === OUTBOX_TAB;
    this.sheetArea.hidden = outbox;
    byId('formula-bar').hidden = outbox;
    this.outboxArea.hidden = !outbox;
    if (outbox) {
      this.renderOutbox(book.outbox);
      return;
    }
    const sheet = book.sheets.find((s) => s.name === name);
    if (sheet) this.grid.show(sheet, focusGrid);
  }

  private renderOutbox(messages: OutboxMessage[]): void {
    const texts = this.texts();
    if (messages.length === 0) {
      replaceChildren(this.outboxArea, h('p', { class: 'empty' }, texts.outboxEmpty));
      return;
    }
    replaceChildren(
      this.outboxArea,
      ...messages.map((m) =>
        h(
          'article',
          { class: 'mail' },
          h('h3', {}, m.subject),
          h('p', { class: 'to' }, m.to),
          h('pre', {}, m.text),
          h('p', { class: 'file' }, m.file),
        ),
      ),
    );
  }

  private async busy<T>(work: () => Promise<T>): Promise<T | undefined> {
    document.body.setAttribute('aria-busy', 'true');
    try {
      return await work();
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error));
      return undefined;
    } finally {
      document.body.removeAttribute('aria-busy');
    }
  }

  private async edit(row: number, col: number, text: string): Promise<void> {
    const sheet = this.current;
    const result = await this.busy(() => api.edit({ sheet, row, col, text }));
    if (result) this.done(result);
    else {
      // Refused: the cell shows what the book holds again.
      const view = this.book?.sheets.find((s) => s.name === sheet);
      if (view) this.grid.patch(view, [row]);
    }
  }

  private done(result: ActionResult): void {
    this.applyPatch(result.patch, result.show);
    if (result.message !== undefined) this.say(result.message);
    if (result.dialog) this.showDialog(result.dialog);
    const ask = result.ask;
    if (ask) this.ask(ask.prompt, ask.value, ask.value, (answer) => ({ ...ask.request, semester: answer }));
  }

  private async menu(action: MenuAction): Promise<void> {
    const result = await this.busy(() => api.menu({ action }));
    if (result) this.done(result);
  }

  /** A menu item on the selected cell (Sheets: the active range): the sheet shown and the selected row. */
  private async menuOnCell(action: MenuAction): Promise<void> {
    const cell = { sheet: this.current, row: this.grid.selectedRow() };
    const result = await this.busy(() => api.menu({ action, cell }));
    if (result) this.done(result);
  }

  /**
   * 生成月报, as the Sheets prompt asks: the field starts empty with last month as its placeholder; empty
   * means last month. The server reads the answer; a month it cannot read is said under the field.
   */
  private askMonth(): void {
    const texts = this.texts();
    this.ask(texts.monthPrompt, '', texts.lastMonth, (month) => ({ action: 'report', month }));
  }

  /** 运行每日任务: which day (today offered); the server runs the daily job as if its trigger ran that day. */
  private askDay(): void {
    const book = this.book;
    if (!book) return;
    this.ask(book.texts.dayPrompt, book.today, book.today, (day) => ({ action: 'daily', day }));
  }

  /** A question in the prompt dialog; the answer is sent as a menu action, a refusal said under the field. */
  private ask(
    prompt: string,
    value: string,
    placeholder: string,
    request: (answer: string) => MenuRequest,
  ): void {
    const texts = this.texts();
    const dialog = byId<HTMLDialogElement>('month-dialog');
    const input = byId<HTMLInputElement>('month-input');
    const error = byId('month-error');
    byId('month-label').textContent = prompt;
    byId('month-ok').textContent = texts.ok;
    byId('month-cancel').textContent = texts.cancel;
    input.value = value;
    input.placeholder = placeholder;
    const showError = (message: string) => {
      error.textContent = message;
      error.hidden = message === '';
      if (message === '') input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
    };
    showError('');
    byId<HTMLFormElement>('month-form').onsubmit = (e) => {
      e.preventDefault();
      if (document.body.hasAttribute('aria-busy')) return;
      document.body.setAttribute('aria-busy', 'true');
      api.menu(request(input.value)).then(
        (result) => {
          document.body.removeAttribute('aria-busy');
          dialog.close('ok');
          this.done(result);
        },
        (failure: unknown) => {
          document.body.removeAttribute('aria-busy');
          showError(failure instanceof Error ? failure.message : String(failure));
          input.focus();
        },
      );
    };
    byId('month-cancel').onclick = () => dialog.close('cancel');
    dialog.showModal();
    input.focus();
    input.select();
  }

  private showDialog(content: NonNullable<ActionResult['dialog']>): void {
    const texts = this.texts();
    const dialog = byId<HTMLDialogElement>('preview-dialog');
    replaceChildren(
      byId('preview-body'),
      h('h2', { id: 'preview-title' }, content.title),
      ...content.text.split('\n').map((line) => h('p', {}, line)),
      ...(content.mails ?? []).map((m) =>
        h(
          'article',
          { class: 'mail' },
          h('h3', {}, m.subject),
          h('p', { class: 'to' }, m.to),
          h('pre', {}, m.text),
        ),
      ),
    );
    byId('preview-close').textContent = texts.close;
    dialog.showModal();
    // It opens at its top (the summary line and the first message), not where the focused button is.
    dialog.scrollTop = 0;
    byId('preview-body').scrollTop = 0;
  }

  openSidebar(): void {
    this.panel.hidden = false;
    document.body.classList.add('with-sidebar');
    // A fresh page each time, as showSidebar gives one in Google Sheets.
    this.frame.src = `/sidebar.html?open=${Date.now()}`;
    this.frame.focus();
  }

  private closeSidebar(): void {
    this.panel.hidden = true;
    document.body.classList.remove('with-sidebar');
    this.frame.src = 'about:blank';
  }

  /** After the sidebar saved a row: draw what the save changed (the row, its 编号, 进度). */
  private afterServerCall(_name: ServerFunction, patch: BookPatch | undefined): void {
    if (patch) this.applyPatch(patch);
  }
}

const playground = new Playground();
playground.start().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = error instanceof Error ? error.message : String(error);
});
