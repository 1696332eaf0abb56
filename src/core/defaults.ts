// The plan's values as shipped defaults: settings, units, and a campaign calendar placed around a given day.
import { zh } from './i18n/zh';
import { en } from './i18n/en';
import type { Lang } from './i18n/messages';
import type { IsoDate } from './dates';
import type { Settings } from './schemas';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_COVERAGE_MONTHS = 2;
/** The plan: every class has at least 2 students visited in person each semester. */
export const CLASS_IN_PERSON_MINIMUM = 2;
/** Names of the home-visit target group, in every language. */
export const HOME_VISIT_GROUPS: readonly string[] = [zh.defaults.homeVisitGroup, en.defaults.homeVisitGroup];

/**
 * The campaign calendar around a day: the campaign started on 25 March of the school year
 * (visits begin end of March), the semester is the autumn one (1 Sep – 22 Jan) or the spring one
 * (17 Feb – 5 Jul), and the summer and winter breaks are exempt months.
 */
export function defaultCalendar(
  today: IsoDate,
): Pick<Settings, 'campaignStart' | 'semesterStart' | 'semesterEnd' | 'exemptMonths'> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const campaignYear = today >= `${year}-03-25` ? year : year - 1;
  const autumnYear = month >= 9 ? year : month === 1 ? year - 1 : null;
  const semester =
    autumnYear !== null
      ? { semesterStart: `${autumnYear}-09-01`, semesterEnd: `${autumnYear + 1}-01-22` }
      : { semesterStart: `${year}-02-17`, semesterEnd: `${year}-07-05` };
  return {
    campaignStart: `${campaignYear}-03-25`,
    ...semester,
    exemptMonths: [`${campaignYear}-07`, `${campaignYear}-08`, `${campaignYear + 1}-02`],
  };
}

/** Every setting with the plan's default value, for a workbook set up on a given day. */
export function defaultSettings(lang: Lang, today: IsoDate): Settings {
  const t = lang === 'en' ? en : zh;
  return {
    schoolName: t.defaults.schoolName,
    campaignName: t.defaults.campaignName,
    timeZone: DEFAULT_TIME_ZONE,
    ...defaultCalendar(today),
    coverageMonths: DEFAULT_COVERAGE_MONTHS,
    reminderDays: [20, 25],
    reminderHour: 8,
    reportRecipients: [],
    language: lang,
  };
}

/** The 设置 sheet's data rows (setting name, value as text) for the given settings. */
export function settingsRows(settings: Settings, lang: Lang): [string, string][] {
  const names = (lang === 'en' ? en : zh).settingNames;
  return [
    [names.schoolName, settings.schoolName],
    [names.campaignName, settings.campaignName],
    [names.timeZone, settings.timeZone],
    [names.campaignStart, settings.campaignStart],
    [names.semesterStart, settings.semesterStart],
    [names.semesterEnd, settings.semesterEnd],
    [names.coverageMonths, String(settings.coverageMonths)],
    [names.exemptMonths, settings.exemptMonths.join(', ')],
    [names.reminderDays, settings.reminderDays.join(', ')],
    [names.reminderHour, String(settings.reminderHour)],
    [names.reportRecipients, settings.reportRecipients.join(', ')],
    [names.language, settings.language],
  ];
}

/** The 部门指标 sheet's data rows: unit, groups, minimum, coverage months (empty: the setting), purpose. */
export function unitRows(lang: Lang): (string | number)[][] {
  return (lang === 'en' ? en : zh).defaults.units.map((u) => [u.name, u.groups, u.minimum, '', u.purpose]);
}
