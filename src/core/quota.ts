// Quota months, exempt months, coverage cycles and the status of a month: the calendar rules of §3.
import {
  addDays,
  addMonths,
  dayOfMonth,
  daysInMonth,
  lastDay,
  monthOf,
  type IsoDate,
  type IsoMonth,
} from './dates';
import type { Semester, Settings } from './schemas';
import type { QuotaStatus } from './model';

/** The first quota month of a start date: its own month if it starts on or before the 15th, else the next. */
export function firstQuotaMonth(start: IsoDate): IsoMonth {
  return dayOfMonth(start) <= 15 ? monthOf(start) : addMonths(monthOf(start), 1);
}

/** The quota month a dated record counts toward: days before the first quota month count toward it. */
export function quotaMonthOf(date: IsoDate, first: IsoMonth): IsoMonth {
  const month = monthOf(date);
  return month < first ? first : month;
}

/** A semester's home-visit quota months: from its first quota month (the 15th rule) through its end month. */
export interface SemesterMonths {
  readonly semester: Semester;
  readonly first: IsoMonth;
  readonly last: IsoMonth;
}

export interface QuotaCalendar {
  /** First quota month of leader visits (from the campaign start). */
  readonly leaderFirst: IsoMonth;
  /** The home-visit quota months of each semester, in date order. */
  readonly homeMonths: readonly SemesterMonths[];
  /** The first semester's first home-visit quota month, and the last semester's end month. */
  readonly homeFirst: IsoMonth;
  readonly homeLast: IsoMonth;
  readonly exempt: ReadonlySet<IsoMonth>;
  readonly campaignStart: IsoDate;
}

/** The calendar of a campaign; without semesters, 设置's two dates make the one semester. */
export function quotaCalendar(settings: Settings, semesters?: readonly Semester[]): QuotaCalendar {
  const listed: readonly Semester[] =
    semesters !== undefined && semesters.length > 0
      ? semesters
      : [{ row: 0, name: '', start: settings.semesterStart, end: settings.semesterEnd }];
  const homeMonths = listed.map((semester) => ({
    semester,
    first: firstQuotaMonth(semester.start),
    last: monthOf(semester.end),
  }));
  return {
    leaderFirst: firstQuotaMonth(settings.campaignStart),
    homeMonths,
    homeFirst: homeMonths[0]?.first ?? firstQuotaMonth(settings.semesterStart),
    homeLast: homeMonths[homeMonths.length - 1]?.last ?? monthOf(settings.semesterEnd),
    exempt: new Set(settings.exemptMonths),
    campaignStart: settings.campaignStart,
  };
}

/** Whether a unit has a quota line in a month (exempt months still have one, with status exempt). */
export function isQuotaMonth(cal: QuotaCalendar, homeVisits: boolean, month: IsoMonth): boolean {
  if (!homeVisits) return month >= cal.leaderFirst;
  for (const s of cal.homeMonths) if (month >= s.first && month <= s.last) return true;
  return false;
}

/**
 * The home-visit quota month a home visit counts toward: its own month, or its semester's first quota month
 * for the days before it. Undefined for a date of no semester.
 */
export function homeQuotaMonthOf(cal: QuotaCalendar, date: IsoDate): IsoMonth | undefined {
  for (const s of cal.homeMonths) {
    if (date < s.semester.start || date > s.semester.end) continue;
    return quotaMonthOf(date, s.first);
  }
  return undefined;
}

/**
 * The status of a quota line on a given day (§3). Null when the month is after today's month
 * (not evaluated yet).
 */
export function quotaStatus(
  count: number,
  minimum: number,
  month: IsoMonth,
  today: IsoDate,
  exempt: boolean,
): QuotaStatus | null {
  const current = monthOf(today);
  if (month > current) return null;
  if (exempt) return 'exempt';
  if (count >= minimum) return 'met';
  if (month < current) return 'missed';
  const pace = Math.floor((minimum * dayOfMonth(today)) / daysInMonth(month));
  return count < pace ? 'behind' : 'on_track';
}

export interface Cycle {
  /** 1 for the first cycle. */
  readonly index: number;
  /** The quota months of the cycle (exempt months skipped). */
  readonly months: readonly IsoMonth[];
  /** First day: the campaign start for the first cycle, else the day after the previous cycle. */
  readonly start: IsoDate;
  /** Last day of the cycle's last quota month. */
  readonly end: IsoDate;
}

/**
 * The coverage cycle holding a month: consecutive windows of `length` non-exempt quota months from
 * the first quota month. The first window also holds the days before it; an exempt month between two
 * windows belongs to the window after it.
 */
export function cycleOf(cal: QuotaCalendar, length: number, month: IsoMonth): Cycle {
  let start: IsoDate = cal.campaignStart;
  let cursor = cal.leaderFirst;
  for (let index = 1; index <= 1200; index++) {
    const months: IsoMonth[] = [];
    let guard = 0;
    while (months.length < length && guard++ < 1200) {
      if (!cal.exempt.has(cursor)) months.push(cursor);
      cursor = addMonths(cursor, 1);
    }
    const last = months[months.length - 1] ?? addMonths(cursor, -1);
    const end = lastDay(last);
    if (month <= last || index === 1200) return { index, months, start, end };
    start = addDays(end, 1);
  }
  throw new Error('unreachable');
}
