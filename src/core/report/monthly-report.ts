// The figures of a monthly report (§5): per unit, person, cycle, class, open follow-ups, rectification, suggestions.
import { computeStatus } from '../engine';
import { visitedIn, countIndex } from '../counting';
import { homeQuotaMonthOf, quotaMonthOf, type QuotaCalendar } from '../quota';
import { lastDay, monthOf, previousMonth, type IsoDate, type IsoMonth } from '../dates';
import { nameKey } from '../names';
import { CLASS_IN_PERSON_MINIMUM } from '../defaults';
import type { Campaign, ClassLine, CoverageLine, PersonLine, SemesterRef } from '../model';
import type { RectStatus, Unit } from '../schemas';
import {
  inLedgerOn,
  openFollowUps,
  overdueItems,
  statusOn,
  type FollowUpItem,
  type OverdueItem,
} from '../follow-through';
import { ledgerFigures, type LedgerFigures } from './ledger-figures';
import { monthFollowUps, type MonthFollowUps } from './month-follow-ups';

export type { FollowUpItem, OverdueItem } from '../follow-through';

export interface UnitFigures {
  unit: string;
  /** Active staff of the unit. */
  members: number;
  /** Valid records of the quota month on which a member is visitor or co-visitor (home visits for 学生家庭). */
  visits: number;
  /** Distinct people of the unit's groups (students for 学生家庭) visited by its members in the month. */
  distinct: number;
  minimum: number;
  /** Quota lines of the month that are not exempt. */
  people: number;
  met: number;
  /** Σ min(count, minimum) ÷ Σ minimum over the month's non-exempt quota lines; null without any. */
  completion: number | null;
}

export interface ClassFigures extends ClassLine {
  /** Valid home visits of the class whose quota month is the report's month. */
  monthVisits: number;
  /** The plan's in-person minimum per class and semester. */
  inPersonMinimum: number;
}

export interface SuggestionItem {
  id: string;
  date: IsoDate;
  author: string;
  title: string;
  category: string;
  adopted: string;
}

export interface ChangeLine {
  unit: string;
  previous: number | null;
  current: number | null;
  previousMet: number;
  currentMet: number;
}

export interface MonthlyReport {
  month: IsoMonth;
  /** The day figures are counted to (ages of open items too). */
  today: IsoDate;
  /** The day every figure of the month stands at: the month's last day, or today while the month runs. */
  asAt: IsoDate;
  /** The semester of the month, whose roster the class figures use (their aim: every student by its end). */
  semester: SemesterRef;
  school: string;
  campaign: string;
  /** True when the month holds no visit, home visit, suggestion or discussion activity at all. */
  empty: boolean;
  units: UnitFigures[];
  people: PersonLine[];
  coverage: CoverageLine[];
  classes: ClassFigures[];
  /** The follow-ups open as at `asAt`, whenever opened (ages to `today`), oldest first: the older ones are counted per owner. */
  followUps: FollowUpItem[];
  /** Every follow-up dated in the month, open or closed as at `asAt`, and the month's counts. */
  monthFollowUps: MonthFollowUps;
  rectification: { counts: Record<RectStatus | 'unknown', number>; total: number; overdue: OverdueItem[] };
  suggestions: SuggestionItem[];
  change: ChangeLine[];
  /** Lasting rules (in the consolidation phase), suggestions by month and category, discussion activities. */
  ledger: LedgerFigures;
}

/** The quota month a record counts toward: a home visit by its semester, a leader visit by the campaign start. */
function quotaMonthOfRecord(cal: QuotaCalendar, home: boolean, date: IsoDate): IsoMonth | undefined {
  return home ? homeQuotaMonthOf(cal, date) : quotaMonthOf(date, cal.leaderFirst);
}

function membersOf(campaign: Campaign, unit: Unit): string[] {
  const unitKey = nameKey(unit.name);
  return campaign.rosters.staff
    .filter((p) => p.active && campaign.rosters.staffByKey.get(nameKey(p.name)) === p)
    .filter((p) => p.units.some((u) => nameKey(u) === unitKey))
    .map((p) => nameKey(p.name));
}

/** Σ min(count, minimum) ÷ Σ minimum over the non-exempt quota lines (null without any); the people counted and met. */
export function completionOf(lines: readonly PersonLine[]): {
  people: number;
  met: number;
  completion: number | null;
} {
  const counted = lines.filter((l) => l.status !== 'exempt');
  const wanted = counted.reduce((sum, l) => sum + l.minimum, 0);
  const done = counted.reduce((sum, l) => sum + Math.min(l.count, l.minimum), 0);
  return {
    people: counted.length,
    met: counted.filter((l) => l.status === 'met').length,
    completion: wanted === 0 ? null : done / wanted,
  };
}

function unitFigures(campaign: Campaign, month: IsoMonth, people: readonly PersonLine[]): UnitFigures[] {
  const index = countIndex(campaign);
  return campaign.units.map((unit) => {
    const unitKey = nameKey(unit.name);
    const members = membersOf(campaign, unit);
    const memberSet = new Set(members);
    const records = unit.homeVisits ? campaign.homeVisits : campaign.visits;
    const visits = records.filter(
      (r) =>
        r.valid &&
        r.date !== null &&
        quotaMonthOfRecord(index.calendar, unit.homeVisits, r.date) === month &&
        r.credited.some((p) => memberSet.has(p)),
    ).length;
    const distinct = new Set<string>();
    for (const person of members) {
      for (const key of visitedIn(index, person, unitKey, month) ?? []) distinct.add(key);
    }
    const lines = people.filter((l) => nameKey(l.unit) === unitKey);
    return {
      unit: unit.name,
      members: members.length,
      visits,
      distinct: distinct.size,
      minimum: unit.minimum,
      ...completionOf(lines),
    };
  });
}

function classFigures(campaign: Campaign, month: IsoMonth, classes: readonly ClassLine[]): ClassFigures[] {
  const calendar = countIndex(campaign).calendar;
  const monthVisits = new Map<string, number>();
  for (const v of campaign.homeVisits) {
    if (!v.valid || v.date === null || homeQuotaMonthOf(calendar, v.date) !== month) continue;
    const key = nameKey(v.className);
    monthVisits.set(key, (monthVisits.get(key) ?? 0) + 1);
  }
  return classes.map((c) => ({
    ...c,
    monthVisits: monthVisits.get(nameKey(c.class)) ?? 0,
    inPersonMinimum: CLASS_IN_PERSON_MINIMUM,
  }));
}

/** The open follow-ups as at the month's end (or today), oldest first. */
function followUps(campaign: Campaign, month: IsoMonth, today: IsoDate): FollowUpItem[] {
  return openFollowUps(campaign, lastDay(month) < today ? lastDay(month) : today, today);
}

/**
 * The ledger as at a day (a past month's last day, or today): the items found by then counted by their status
 * then, and those overdue then (期限 before it, 待整改 / 整改中), most overdue first, days counted to today.
 */
export function rectification(
  campaign: Campaign,
  today: IsoDate,
  asAt: IsoDate = today,
): MonthlyReport['rectification'] {
  const counts: Record<RectStatus | 'unknown', number> = {
    open: 0,
    inProgress: 0,
    done: 0,
    rule: 0,
    unknown: 0,
  };
  const items = campaign.rectification.filter((item) => inLedgerOn(campaign, item, asAt));
  for (const item of items) counts[statusOn(item, asAt) ?? 'unknown'] += 1;
  const overdue = overdueItems(campaign, today, asAt);
  return { counts, total: items.length, overdue };
}

function suggestions(campaign: Campaign, month: IsoMonth): SuggestionItem[] {
  return campaign.suggestions
    .filter((s) => s.date !== null && monthOf(s.date) === month)
    .map((s) => ({
      id: s.id,
      date: s.date as IsoDate,
      author: s.author,
      title: s.title !== '' ? s.title : s.text,
      category: s.category,
      adopted: s.adopted,
    }));
}

function isEmptyMonth(campaign: Campaign, month: IsoMonth): boolean {
  const index = countIndex(campaign);
  const inMonth = (date: IsoDate | null, home: boolean) =>
    date !== null && (monthOf(date) === month || quotaMonthOfRecord(index.calendar, home, date) === month);
  return (
    !campaign.visits.some((v) => inMonth(v.date, false)) &&
    !campaign.homeVisits.some((v) => inMonth(v.date, true)) &&
    !campaign.suggestions.some((s) => s.date !== null && monthOf(s.date) === month) &&
    !campaign.discussions.some((d) => d.date !== null && monthOf(d.date) === month)
  );
}

/** Everything a monthly report shows, counted on `today` (a month after today's has no quota lines). */
export function buildMonthlyReport(campaign: Campaign, month: IsoMonth, today: IsoDate): MonthlyReport {
  const status = computeStatus(campaign, month, today);
  const unitOrder = new Map(campaign.units.map((u, i) => [nameKey(u.name), i]));
  const people = status.people
    .map((line, i) => ({ line, i }))
    .sort(
      (a, b) =>
        (unitOrder.get(nameKey(a.line.unit)) ?? 0) - (unitOrder.get(nameKey(b.line.unit)) ?? 0) || a.i - b.i,
    )
    .map(({ line }) => line);
  const units = unitFigures(campaign, month, people);
  const previous = computeStatus(campaign, previousMonth(month), today).people;
  const change = units.map((u) => {
    const before = completionOf(previous.filter((l) => nameKey(l.unit) === nameKey(u.unit)));
    return {
      unit: u.unit,
      previous: before.completion,
      current: u.completion,
      previousMet: before.met,
      currentMet: u.met,
    };
  });
  const asAt = lastDay(month) < today ? lastDay(month) : today;
  return {
    month,
    today,
    asAt,
    semester: status.semester,
    school: campaign.settings.schoolName,
    campaign: campaign.settings.campaignName,
    empty: isEmptyMonth(campaign, month),
    units,
    people,
    coverage: status.coverage,
    classes: classFigures(campaign, month, status.classes),
    followUps: followUps(campaign, month, today),
    monthFollowUps: monthFollowUps(campaign, month, asAt),
    rectification: rectification(campaign, today, asAt),
    suggestions: suggestions(campaign, month),
    change,
    ledger: ledgerFigures(campaign, month, asAt),
  };
}
