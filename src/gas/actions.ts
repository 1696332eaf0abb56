// What the menu items do inside Google Sheets: set up, recompute, help, open the sidebar; messages to the user.
import { dateInZone } from '../core/dates';
import { format, texts, type Lang } from '../core/i18n/messages';
import { workbookLanguage } from '../app/language';
import { recompute } from '../app/recompute';
import { WorkbookSession } from '../app/session';
import { setUpWorkbook } from '../app/setup';
import { GasLock, LockBusyError } from './lock';
import { GasWorkbook } from './workbook';

/** The workbook's language; a workbook with no 设置 yet follows the spreadsheet's locale. */
function languageOf(book: GoogleAppsScript.Spreadsheet.Spreadsheet, wb: GasWorkbook): Lang {
  const locale = book.getSpreadsheetLocale();
  return workbookLanguage(wb, /^zh/i.test(locale) ? 'zh' : /^en/i.test(locale) ? 'en' : 'zh');
}

/** Runs a menu action under the document lock; tells the person when someone else holds it. */
function underLock(lang: () => Lang, action: () => string): void {
  const ui = SpreadsheetApp.getUi();
  let message: string;
  try {
    message = new GasLock().withLock(action);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    message = texts(lang()).menu.busy;
  }
  ui.alert(message);
}

/** 初始化/修复工作簿: creates what is missing, then recomputes so that 进度 exists. */
export function runSetUp(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new GasWorkbook(book);
  const lang = languageOf(book, wb);
  underLock(
    () => lang,
    () => {
      const now = new Date();
      const made = setUpWorkbook(wb, lang, dateInZone(now, book.getSpreadsheetTimeZone()));
      recompute(WorkbookSession.open(wb, { now: () => now }));
      const columns = made.addedColumns.reduce((n, a) => n + a.columns.length, 0);
      return format(texts(lang).menu.setUpDone, { created: made.created.length, columns });
    },
  );
}

/** 重新计算进度: re-checks every row, rewrites 进度. */
export function runRecompute(): void {
  const wb = new GasWorkbook();
  underLock(
    () => workbookLanguage(wb, 'zh'),
    () => {
      const result = recompute(WorkbookSession.open(wb, { now: () => new Date() }));
      return format(texts(result.lang).menu.recomputeDone, {
        errors: result.errors,
        warnings: result.warnings,
      });
    },
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 使用说明: a dialog with the usage text. */
export function showHelp(): void {
  const t = texts(workbookLanguage(new GasWorkbook(), 'zh')).menu;
  const body = t.helpText
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const html = HtmlService.createHtmlOutput(
    `<div style="font:14px/1.6 sans-serif;color:#202124">${body}</div>`,
  )
    .setWidth(560)
    .setHeight(440);
  SpreadsheetApp.getUi().showModalDialog(html, t.helpTitle);
}

/** 记录走访: the sidebar page (html/sidebar.html, built with its script and style inlined). */
export function openSidebar(): void {
  const t = texts(workbookLanguage(new GasWorkbook(), 'zh')).menu;
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(t.recordVisit);
  SpreadsheetApp.getUi().showSidebar(html);
}
