// The 设置 sheet read into Settings: each setting by its name in either language, defaults for the rest.
import { zh } from './i18n/zh';
import { en } from './i18n/en';
import type { ParsedTable } from './grid';
import { cellAt, cellText, type Cell } from './grid';
import { nameKey, splitList } from './names';
import { parseDateCell, isValidTimeZone, makeDate, type IsoDate } from './dates';
import { defaultSettings } from './defaults';
import { EmailSchema, SETTING_YEARS, SettingsSchema, type Settings } from './schemas';
import { format, texts, type Lang } from './i18n/messages';
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

function defaultText(value: Settings[keyof Settings] | (string | number)[], lang: Lang): string {
  const shown = Array.isArray(value) ? value.join(lang === 'en' ? ', ' : '、') : String(value);
  return shown === '' ? texts(lang).robust.emptyDefault : shown;
}

/**
 * Reads 设置. A missing or unreadable value falls back to the default: an unreadable one is an error naming
 * its row, its value and the default used meanwhile (SETTING_INVALID), and nothing here ever throws: the run
 * goes on with the default. `fallbackLang` is the language of the sheet names when 语言 is not set.
 */
export function readSettings(parsed: ParsedTable, fallbackLang: Lang, today: IsoDate): SettingsResult {
  const findings = new FindingList(parsed);
  const raw = new Map<SettingKey, { row: number; cell: Cell }>();
  const at = parsed.columnIndex;
  const repeated: { key: SettingKey; row: number; first: number }[] = [];
  parsed.lines.forEach((line, i) => {
    const key = settingOf(cellText(cellAt(line, at.key)));
    const row = parsed.rowNumbers[i] ?? 0;
    if (key === undefined) return;
    const first = raw.get(key);
    if (first === undefined) raw.set(key, { row, cell: cellAt(line, at.value) });
    else repeated.push({ key, row, first: first.row });
  });
  const text = (key: SettingKey) => cellText(raw.get(key)?.cell);
  const lang = parseLang(text('language')) ?? fallbackLang;
  const defaults = defaultSettings(lang, today);
  const settings: Settings = { ...defaults };
  const names = lang === 'en' ? en.settingNames : zh.settingNames;
  const robust = texts(lang).robust;
  const flagged = new Set<SettingKey>();
  /** An unreadable setting: its row, its value, the rule, and what is used meanwhile (`kept`: a list's readable entries). */
  const bad = (key: SettingKey, hint: string, kept?: readonly (string | number)[]) => {
    flagged.add(key);
    const template =
      kept !== undefined ? robust.settingKept : hint === '' ? robust.usingDefault : robust.settingDefault;
    findings.error(raw.get(key)?.row ?? 0, 'value', 'SETTING_INVALID', {
      setting: names[key],
      value: text(key),
      hint: format(template, {
        hint,
        value: defaultText(kept !== undefined ? [...kept] : defaults[key], lang),
      }),
    });
  };
  for (const { key, row, first } of repeated)
    findings.warning(row, 'key', 'SETTING_DUPLICATE', { setting: names[key], row: first });

  if (text('schoolName') !== '') settings.schoolName = text('schoolName');
  if (text('campaignName') !== '') settings.campaignName = text('campaignName');
  if (text('timeZone') !== '') {
    if (isValidTimeZone(text('timeZone'))) settings.timeZone = text('timeZone');
    else bad('timeZone', '');
  }
  const years = `${SETTING_YEARS.min}–${SETTING_YEARS.max}`;
  for (const key of ['campaignStart', 'semesterStart', 'semesterEnd'] as const) {
    const entry = raw.get(key);
    if (entry === undefined) continue;
    const date = parseDateCell(entry.cell, settings.timeZone);
    const year = date ? Number(date.slice(0, 4)) : 0;
    if (date === undefined) bad(key, 'YYYY-MM-DD');
    else if (date !== null && (year < SETTING_YEARS.min || year > SETTING_YEARS.max)) bad(key, years);
    else if (date !== null) settings[key] = date;
  }
  if (settings.semesterEnd < settings.semesterStart) {
    // The two ends go back to the default semester together: one of them alone would still not make one.
    bad('semesterEnd', format(robust.rangeOrder, { other: names.semesterStart }));
    settings.semesterStart = defaults.semesterStart;
    settings.semesterEnd = defaults.semesterEnd;
  }
  if (text('coverageMonths') !== '') {
    const n = intIn(text('coverageMonths'), 1, 12);
    if (n === undefined) bad('coverageMonths', '1–12');
    else settings.coverageMonths = n;
  }
  if (raw.has('exemptMonths')) {
    // Sheets turns a lone "2027-07" typed into the cell into a date value (its adapter gives '2027-07-01'):
    // a cell holding one date is read as that date's month.
    const asDate = parseDateCell(raw.get('exemptMonths')?.cell, settings.timeZone);
    const months = asDate ? [asDate.slice(0, 7)] : splitList(text('exemptMonths')).map(parseMonthText);
    settings.exemptMonths = months.filter((m): m is string => m !== undefined);
    if (months.some((m) => m === undefined)) bad('exemptMonths', 'YYYY-MM', settings.exemptMonths);
  }
  if (text('reminderDays') !== '') {
    const days = splitList(text('reminderDays')).map((d) => intIn(d, 1, 31));
    settings.reminderDays = days.filter((d): d is number => d !== undefined);
    if (days.some((d) => d === undefined)) bad('reminderDays', '1–31', settings.reminderDays);
  }
  if (text('reminderHour') !== '') {
    // "8", "8:00", or a time value Sheets made of "8:00" (read as '1899-12-30 08:00').
    const clock = /(?:^|\s)(\d{1,2})[:：]00(?:[:：]00)?$/u.exec(text('reminderHour').normalize('NFKC'));
    const hour = intIn(clock?.[1] ?? text('reminderHour'), 0, 23);
    if (hour === undefined) bad('reminderHour', '0–23');
    else settings.reminderHour = hour;
  }
  if (raw.has('reportRecipients')) {
    // The address rule is the schema's own (zod's email), so what is kept here always passes it below.
    const emails = splitList(text('reportRecipients'));
    const valid = emails.filter((e) => EmailSchema.safeParse(e).success);
    settings.reportRecipients = valid;
    if (valid.length !== emails.length) bad('reportRecipients', 'name@example.org', valid);
  }
  if (text('language') !== '' && parseLang(text('language')) === undefined) bad('language', 'zh / en');
  return { settings: checked(settings, defaults, bad, flagged), findings };
}

/**
 * The settings as the schema takes them. The reading above keeps every value inside the schema, so this
 * is a safety net: should a value still fail, that setting goes back to its default with a SETTING_INVALID
 * on its row, and a schema error never leaves this function (raw zod output is no message for a school).
 */
function checked(
  settings: Settings,
  defaults: Settings,
  bad: (key: SettingKey, hint: string) => void,
  flagged: ReadonlySet<SettingKey>,
): Settings {
  const result = SettingsSchema.safeParse(settings);
  if (result.success) return result.data;
  const fixed: Settings = { ...settings };
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key !== 'string' || !(key in defaults)) continue;
    const setting = key as SettingKey;
    (fixed as Record<string, unknown>)[setting] = defaults[setting];
    if (!flagged.has(setting)) bad(setting, '');
  }
  const again = SettingsSchema.safeParse(fixed);
  return again.success ? again.data : defaults;
}
