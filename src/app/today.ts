// The school's calendar date of an instant, in the time zone its 设置 sheet names (default Asia/Shanghai).
import { dateInZone, type IsoDate } from '../core/dates';
import { DEFAULT_TIME_ZONE } from '../core/defaults';
import { parseGrid } from '../core/grid';
import { readSettings } from '../core/settings';
import { tableOfSheet } from '../core/tables';
import type { SheetGrid } from './read';

/** Today in the school's time zone, from the sheets already read (no further reads). */
export function schoolToday(sheets: readonly SheetGrid[], now: Date): IsoDate {
  const settings = sheets.find((s) => tableOfSheet(s.name) === 'settings');
  if (settings === undefined) return dateInZone(now, DEFAULT_TIME_ZONE);
  const parsed = parseGrid('settings', settings.name, settings.grid);
  const { timeZone } = readSettings(parsed, 'zh', dateInZone(now, DEFAULT_TIME_ZONE)).settings;
  return dateInZone(now, timeZone);
}
