// The 设置 sheet read into Settings: each setting by its name in either language, defaults for the rest.
import { zh } from './i18n/zh';
import { en } from './i18n/en';
import type { ParsedTable } from './grid';
import { cellAt, cellText, type Cell } from './grid';
import { nameKey, splitList } from './names';
import { parseDateCell, isValidTimeZone, makeDate, type IsoDate } from './dates';
import { defaultSettings, DEFAULT_TIME_ZONE } from './defaults';
import { SettingsSchema, type Settings } from './schemas';
import type { Lang } from './i18n/messages';
import { FindingList } from './findings';
import { parseLang } from './values';

type SettingKey = keyof typeof zh.settingNames;

const SETTING_KEYS = Object.keys(zh.settingNames) as SettingKey[];

function settingOf(name: string): SettingKey | undefined {
  const wanted = nameKey(name).toLowerCase();
  return SETTING_KEYS.find(
    (k) =>
      nameKey(zh.settingNames[k]).toLowerCase() === wanted ||
      nameKey(en.settingNames[k]).toLowerCase() === wanted,
  );
}

/** 2027-02, 2027/2, 2027.2, 2027年2月 → '2027-02'. */
export function parseMonthText(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/u.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const date = makeDate(Number(m[1]), Number(m[2]), 1);
  return date === null ? undefined : date.slice(0, 7);
}

function intIn(text: string, min: number, max: number): number | undefined {
  const n = Number(text.normalize('NFKC'));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export interface SettingsResult {
  settings: Settings;
  findings: FindingList;
}

/**
 * Reads 设置. A missing or unreadable value falls back to the default (an unreadable one is an error
 * naming its row). `fallbackLang` is the language of the sheet names when 语言 is not set.
 */
export function readSettings(parsed: ParsedTable, fallbackLang: Lang, today: IsoDate): SettingsResult {
  const findings = new FindingList(parsed);
  const raw = new Map<SettingKey, { row: number; cell: Cell }>();
  const at = parsed.columnIndex;
  parsed.lines.forEach((line, i) => {
    const key = settingOf(cellText(cellAt(line, at.key)));
    if (key !== undefined && !raw.has(key))
      raw.set(key, { row: parsed.rowNumbers[i] ?? 0, cell: cellAt(line, at.value) });
  });
  const text = (key: SettingKey) => cellText(raw.get(key)?.cell);
  const lang = parseLang(text('language')) ?? fallbackLang;
  const defaults = defaultSettings(lang, today);
  const settings: Settings = { ...defaults };
  const names = lang === 'en' ? en.settingNames : zh.settingNames;
  const bad = (key: SettingKey, hint: string) =>
    findings.error(raw.get(key)?.row ?? 0, 'value', 'SETTING_INVALID', {
      setting: names[key],
      value: text(key),
      hint,
    });

  if (text('schoolName') !== '') settings.schoolName = text('schoolName');
  if (text('campaignName') !== '') settings.campaignName = text('campaignName');
  if (text('timeZone') !== '') {
    if (isValidTimeZone(text('timeZone'))) settings.timeZone = text('timeZone');
    else bad('timeZone', DEFAULT_TIME_ZONE);
  }
  for (const key of ['campaignStart', 'semesterStart', 'semesterEnd'] as const) {
    const entry = raw.get(key);
    if (entry === undefined) continue;
    const date = parseDateCell(entry.cell);
    if (date === undefined) bad(key, 'YYYY-MM-DD');
    else if (date !== null) settings[key] = date;
  }
  if (text('coverageMonths') !== '') {
    const n = intIn(text('coverageMonths'), 1, 12);
    if (n === undefined) bad('coverageMonths', '1–12');
    else settings.coverageMonths = n;
  }
  if (raw.has('exemptMonths')) {
    // Sheets turns a lone "2027-07" typed into the cell into a date value (its adapter gives '2027-07-01'):
    // a cell holding one date is read as that date's month.
    const asDate = parseDateCell(raw.get('exemptMonths')?.cell);
    const months = asDate ? [asDate.slice(0, 7)] : splitList(text('exemptMonths')).map(parseMonthText);
    if (months.some((m) => m === undefined)) bad('exemptMonths', 'YYYY-MM');
    settings.exemptMonths = months.filter((m): m is string => m !== undefined);
  }
  if (text('reminderDays') !== '') {
    const days = splitList(text('reminderDays')).map((d) => intIn(d, 1, 31));
    if (days.some((d) => d === undefined)) bad('reminderDays', '1–31');
    settings.reminderDays = days.filter((d): d is number => d !== undefined);
  }
  if (text('reminderHour') !== '') {
    // "8", "8:00", or a time value Sheets made of "8:00" (read as '1899-12-30 08:00').
    const clock = /(?:^|\s)(\d{1,2})[:：]00(?:[:：]00)?$/u.exec(text('reminderHour').normalize('NFKC'));
    const hour = intIn(clock?.[1] ?? text('reminderHour'), 0, 23);
    if (hour === undefined) bad('reminderHour', '0–23');
    else settings.reminderHour = hour;
  }
  if (raw.has('reportRecipients')) {
    const emails = splitList(text('reportRecipients'));
    const valid = emails.filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
    if (valid.length !== emails.length) bad('reportRecipients', 'name@example.org');
    settings.reportRecipients = valid;
  }
  if (text('language') !== '' && parseLang(text('language')) === undefined) bad('language', 'zh / en');
  return { settings: SettingsSchema.parse(settings), findings };
}
