// The menu and its handlers inside Google Sheets (over the counting fake): language, set-up, help, sidebar.
import { menuHelp, menuOpenSidebar, menuSetUp, onInstall, onOpen } from '../../src/gas/main';
import { TABLE_KEYS, sheetName } from '../../src/core/tables';
import { school } from '../core/helpers';
import type { FakeMenu, MenuItem } from '../fakes/gas';
import { typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

/** The menu's items as [caption, function]; separators as ['---', '']. */
function allItems(menu: FakeMenu | undefined): [string, string][] {
  return (menu?.items ?? []).map((item) => [(item as MenuItem).caption, (item as MenuItem).functionName]);
}

const MINE = ['menuOpenSidebar', 'menuSetUp', 'menuRecompute', 'menuHelp'];

/** The items of this feature, in order (the report and reminder items sit between them). */
function items(menu: FakeMenu | undefined): [string, string][] {
  return allItems(menu).filter(([, fn]) => MINE.includes(fn));
}

const CHINESE_ITEMS: [string, string][] = [
  ['记录走访', 'menuOpenSidebar'],
  ['初始化/修复工作簿', 'menuSetUp'],
  ['重新计算进度', 'menuRecompute'],
  ['使用说明', 'menuHelp'],
];

function openEvent(authMode: string): GoogleAppsScript.Events.SheetsOnOpen {
  return { authMode } as unknown as GoogleAppsScript.Events.SheetsOnOpen;
}

describe('onOpen', () => {
  it('adds the add-on menu in Chinese without touching the document under AuthMode.NONE', () => {
    typeSheets(fakes().spreadsheet, school({ lang: 'en' }));
    fakes().SpreadsheetApp.active = null; // the document cannot be read before the add-on is used in it
    onOpen(openEvent('NONE'));
    expect(fakes().ui.menus).toHaveLength(1);
    expect(fakes().ui.menus[0]?.addon).toBe(true);
    expect(items(fakes().ui.menus[0])).toEqual(CHINESE_ITEMS);
    expect(allItems(fakes().ui.menus[0])[0]).toEqual(['记录走访', 'menuOpenSidebar']);
    expect(allItems(fakes().ui.menus[0]).pop()).toEqual(['使用说明', 'menuHelp']);
    expect(fakes().calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('follows 设置’s language when it may read the document', () => {
    typeSheets(fakes().spreadsheet, school({ lang: 'en' }));
    onOpen(openEvent('LIMITED'));
    expect(items(fakes().ui.menus[0])).toEqual([
      ['Log a visit', 'menuOpenSidebar'],
      ['Set up / repair workbook', 'menuSetUp'],
      ['Recompute progress', 'menuRecompute'],
      ['How to use', 'menuHelp'],
    ]);
    // Every item, this feature's or another's, is in English.
    for (const [caption] of allItems(fakes().ui.menus[0])) expect(caption).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('is Chinese on a new, empty spreadsheet, and onInstall builds the same menu', () => {
    fakes().spreadsheet.addSheet('工作表1');
    onInstall({ authMode: 'FULL' } as unknown as GoogleAppsScript.Events.AddonOnInstall);
    expect(items(fakes().ui.menus[0])).toEqual(CHINESE_ITEMS);
  });

  it('falls back to Chinese when reading the document fails', () => {
    fakes().SpreadsheetApp.active = null;
    onOpen(openEvent('LIMITED'));
    expect(items(fakes().ui.menus[0])).toEqual(CHINESE_ITEMS);
  });
});

describe('menuSetUp', () => {
  it('sets up an empty spreadsheet in its locale’s language, writes 进度 and says what it did', () => {
    fakes().spreadsheet.addSheet('工作表1');
    menuSetUp();
    const names = fakes().spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(['工作表1', ...TABLE_KEYS.map((k) => sheetName(k, 'zh')), '进度']);
    expect(fakes().ui.alerts.map((a) => a.prompt)).toEqual([
      '初始化完成：新建 11 个工作表，补充 0 列；进度已重新计算。',
    ]);
  });

  it('uses English on an English-locale spreadsheet', () => {
    fakes().spreadsheet.locale = 'en_US';
    fakes().spreadsheet.addSheet('Sheet1');
    menuSetUp();
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toContain('Visits');
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toContain('Status');
  });

  it('changes nothing and says so while another execution holds the document lock', () => {
    fakes().spreadsheet.addSheet('工作表1');
    fakes().LockService.document.holdByOther();
    menuSetUp();
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toEqual(['工作表1']);
    expect(fakes().ui.alerts.map((a) => a.prompt)).toEqual(['其他人正在保存或计算，请稍后再试。']);
  });

  it('waits for another execution that lets go in time', () => {
    fakes().spreadsheet.addSheet('工作表1');
    const lock = fakes().LockService.document;
    lock.holdByOther();
    lock.onWait = () => lock.release();
    menuSetUp();
    expect(fakes().spreadsheet.sheets).toHaveLength(13);
  });
});

describe('menuHelp and menuOpenSidebar', () => {
  it('shows the usage text in a dialog, in the workbook’s language', () => {
    typeSheets(fakes().spreadsheet, school());
    menuHelp();
    const dialog = fakes().ui.dialogs[0];
    expect(dialog?.title).toBe('走访台账 使用说明');
    expect(dialog?.modal).toBe(true);
    const html = dialog?.html.getContent() ?? '';
    expect(html).toContain('<p>1. 先运行“初始化/修复工作簿”');
    expect(html.match(/<p>/g)).toHaveLength(7);
  });

  it('opens the sidebar page', () => {
    fakes().HtmlService.addFile('sidebar', '<main>sidebar</main>');
    typeSheets(fakes().spreadsheet, school({ lang: 'en' }));
    menuOpenSidebar();
    expect(fakes().ui.sidebars.map((s) => [s.file, s.title])).toEqual([['sidebar', 'Log a visit']]);
  });
});
