// The school's settings from the 设置 grid alone, and its calendar date of an instant in the time zone they name.
import { dateInZone, type IsoDate } from '../core/dates';
import { DEFAULT_TIME_ZONE } from '../core/defaults';
import { parseGrid } from '../core/grid';
import { en } from '../core/i18n/en';
import type { Lang } from '../core/i18n/messages';
import type { Settings } from '../core/schemas';
import { readSettings } from '../core/settings';
import { tableOfSheet } from '../core/tables';
import type { SheetGrid } from './read';

/** 设置 read on its own (as loadCampaign reads it: English sheet names make English the fallback language). */
export function schoolSettings(sheets: readonly SheetGrid[], today: IsoDate): Settings {
  const tables = sheets.filter((s) => tableOfSheet(s.name) !== undefined);
  const english = tables.filter((s) => {
    const key = tableOfSheet(s.name);
    return key !== undefined && s.name.trim().toLowerCase() === en.sheets[key].toLowerCase();
  }).length;
  const fallback: Lang = english > tables.length / 2 ? 'en' : 'zh';
  const settings = sheets.find((s) => tableOfSheet(s.name) === 'settings');
  const parsed = parseGrid('settings', settings?.name ?? en.sheets.settings, settings?.grid ?? []);
  return readSettings(parsed, fallback, today).settings;
}

/** Today in the school's time zone, from the sheets already read (no further reads). */
export function schoolToday(sheets: readonly SheetGrid[], now: Date): IsoDate {
  return dateInZone(now, schoolSettings(sheets, dateInZone(now, DEFAULT_TIME_ZONE)).timeZone);
}
