// The workbook's language: 设置's 语言 row, else the language of its sheet names, else a fallback.
import { parseGrid, cellText } from '../core/grid';
import { en } from '../core/i18n/en';
import { zh } from '../core/i18n/zh';
import type { Lang } from '../core/i18n/messages';
import { nameKey } from '../core/names';
import { tableOfSheet, TABLE_KEYS } from '../core/tables';
import { parseLang } from '../core/values';
import type { WorkbookPort } from './ports';

const LANGUAGE_NAMES = new Set([
  nameKey(zh.settingNames.language),
  nameKey(en.settingNames.language).toLowerCase(),
]);
const ENGLISH_SHEETS = new Set(TABLE_KEYS.map((k) => en.sheets[k].toLowerCase()));

/** Reads at most one sheet (设置 / Settings). */
export function workbookLanguage(wb: WorkbookPort, fallback: Lang): Lang {
  const names = wb.sheetNames();
  const settings = names.find((n) => tableOfSheet(n) === 'settings');
  if (settings !== undefined) {
    const parsed = parseGrid('settings', settings, wb.read(settings) ?? []);
    for (const row of parsed.rows) {
      if (!LANGUAGE_NAMES.has(nameKey(cellText(row.cells.key)).toLowerCase())) continue;
      const lang = parseLang(cellText(row.cells.value));
      if (lang !== undefined) return lang;
    }
  }
  const english = names.filter((n) => ENGLISH_SHEETS.has(n.trim().toLowerCase())).length;
  const chinese = names.filter((n) => tableOfSheet(n) !== undefined).length - english;
  if (english > chinese) return 'en';
  if (chinese > english) return 'zh';
  return fallback;
}
