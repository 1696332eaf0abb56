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
import type { Settings } from './schemas';
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

export interface QuotaCalendar {
  /** First quota month of leader visits (from the campaign start). */
  readonly leaderFirst: IsoMonth;
  /** First and last quota month of home visits (the semester). */
  readonly homeFirst: IsoMonth;
  readonly homeLast: IsoMonth;
  readonly exempt: ReadonlySet<IsoMonth>;
  readonly campaignStart: IsoDate;
}

export function quotaCalendar(settings: Settings): QuotaCalendar {
  return {
    leaderFirst: firstQuotaMonth(settings.campaignStart),
    homeFirst: firstQuotaMonth(settings.semesterStart),
    homeLast: monthOf(settings.semesterEnd),
    exempt: new Set(settings.exemptMonths),
    campaignStart: settings.campaignStart,
  };
}

/** Whether a unit has a quota line in a month (exempt months still have one, with status exempt). */
export function isQuotaMonth(cal: QuotaCalendar, homeVisits: boolean, month: IsoMonth): boolean {
  return homeVisits ? month >= cal.homeFirst && month <= cal.homeLast : month >= cal.leaderFirst;
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
