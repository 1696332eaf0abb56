// The rows set-up gives a 学期 sheet it makes: the campaign year's two semesters, or only what cannot change a figure.
import { parseDateCell, type IsoDate } from '../core/dates';
import { defaultSettings } from '../core/defaults';
import { cellAt, cellText, parseGrid, type Grid } from '../core/grid';
import { en } from '../core/i18n/en';
import { zh } from '../core/i18n/zh';
import type { Lang } from '../core/i18n/messages';
import { nameKey } from '../core/names';
import { campaignYearSemesters, type SemesterRow } from '../core/school-year';
import { readSettings } from '../core/settings';
import { settingsSemesterName } from '../core/semesters';

/** A 设置 date as typed on its row: undefined when the row is missing, empty or unreadable. */
function typedSetting(grid: Grid, name: string, key: 'semesterStart' | 'semesterEnd'): IsoDate | undefined {
  const parsed = parseGrid('settings', name, grid);
  const wanted = [zh.settingNames[key], en.settingNames[key]].map((n) => nameKey(n).toLowerCase());
  const line = parsed.lines.find((l) =>
    wanted.includes(nameKey(cellText(cellAt(l, parsed.columnIndex.key))).toLowerCase()),
  );
  if (line === undefined) return undefined;
  return parseDateCell(cellAt(line, parsed.columnIndex.value)) ?? undefined;
}

/**
 * What a new 学期 sheet holds. A workbook whose 设置 set-up makes now gets the campaign year's two semesters.
 * In a workbook that had 设置, its one semester (设置's two dates) is what every figure stands on; the 学期 sheet
 * gets rows only when they read the same: 设置's semester itself, under the name the engine already gives it —
 * and, when that semester is the campaign year's first and today is before the second starts, the second too
 * (nothing is counted in it yet). When 设置's dates are not both typed and readable (the defaults, which move
 * with today, stand in), the sheet gets its header only.
 */
export function semesterRowsForSetUp(
  settings: { name: string; grid: Grid } | undefined,
  lang: Lang,
  today: IsoDate,
): SemesterRow[] {
  if (settings === undefined) return campaignYearSemesters(defaultSettings(lang, today).campaignStart, lang);
  const start = typedSetting(settings.grid, settings.name, 'semesterStart');
  const end = typedSetting(settings.grid, settings.name, 'semesterEnd');
  const read = readSettings(parseGrid('settings', settings.name, settings.grid), lang, today).settings;
  if (start === undefined || end === undefined || start !== read.semesterStart || end !== read.semesterEnd)
    return [];
  const own: SemesterRow = { name: settingsSemesterName(start, read.language), start, end };
  const year = campaignYearSemesters(read.campaignStart, read.language);
  const [first, second] = year;
  if (
    first !== undefined &&
    second !== undefined &&
    first.start === start &&
    first.end === end &&
    today < second.start
  )
    return [own, second];
  return [own];
}
