// The add-on menu: its items in the workbook's language (Chinese when the document cannot be read yet).
import type { Lang, Messages } from '../core/i18n/messages';
import { texts } from '../core/i18n/messages';
import { workbookLanguage } from '../app/language';
import type { MenuHandler } from './entry-points';
import { GasWorkbook } from './workbook';

/** A menu item (its text in the workbook's language, and the global function Apps Script calls), or a separator. */
export type MenuEntry = { caption: (t: Messages) => string; functionName: MenuHandler } | { caption: null };

const SEPARATOR: MenuEntry = { caption: null };

/** The items in order. Other features add theirs here (and export the handler from main.ts). */
export const MENU_ENTRIES: MenuEntry[] = [
  { caption: (t) => t.menu.recordVisit, functionName: 'menuOpenSidebar' },
  SEPARATOR,
  { caption: (t) => t.menu.setUp, functionName: 'menuSetUp' },
  { caption: (t) => t.menu.recompute, functionName: 'menuRecompute' },
  { caption: (t) => t.changeLog.menu, functionName: 'menuRestoreRow' },
  { caption: (t) => t.todo.menu.suggestionToRect, functionName: 'menuSuggestionToRectification' },
  { caption: (t) => t.schoolYear.menu, functionName: 'menuNewSchoolYear' },
  SEPARATOR,
  { caption: (t) => t.remind.menu.report, functionName: 'menuMonthlyReport' },
  { caption: (t) => t.summary.menuSemester, functionName: 'menuSemesterSummary' },
  { caption: (t) => t.summary.menuYear, functionName: 'menuYearSummary' },
  { caption: (t) => t.remind.menu.preview, functionName: 'menuReminderPreview' },
  { caption: (t) => t.remind.menu.enable, functionName: 'menuEnableReminders' },
  { caption: (t) => t.remind.menu.disable, functionName: 'menuDisableReminders' },
  { caption: (t) => t.remind.menu.health, functionName: 'menuHealth' },
  { caption: (t) => t.selfTest.menu, functionName: 'menuSelfTest' },
  SEPARATOR,
  { caption: (t) => t.personData.menuExport, functionName: 'menuExportPersonData' },
  { caption: (t) => t.personData.menuErase, functionName: 'menuErasePersonData' },
  SEPARATOR,
  { caption: (t) => t.menu.help, functionName: 'menuHelp' },
];

/**
 * The language for the menu. Under AuthMode.NONE (an add-on not yet used in this document) onOpen
 * may not read the spreadsheet, so the menu is Chinese; otherwise 设置's 语言 decides.
 */
export function menuLanguage(authMode: GoogleAppsScript.Script.AuthMode | undefined): Lang {
  if (authMode === ScriptApp.AuthMode.NONE) return 'zh';
  try {
    return workbookLanguage(new GasWorkbook(), 'zh');
  } catch {
    return 'zh';
  }
}

/** Adds the add-on menu (under 扩展程序 / Extensions it carries the add-on's name, 走访台账). */
export function buildMenu(authMode: GoogleAppsScript.Script.AuthMode | undefined): void {
  const t = texts(menuLanguage(authMode));
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of MENU_ENTRIES) {
    if (entry.caption === null) menu.addSeparator();
    else menu.addItem(entry.caption(t), entry.functionName);
  }
  menu.addToUi();
}
