// Monthly counts per (person, unit, quota month), cycle coverage per unit and home-visit coverage per class, month by month.
import { nameKey } from './names';
import {
  cycleOf,
  isQuotaMonth,
  quotaCalendar,
  quotaStatus,
  type QuotaCalendar,
  type SemesterMonths,
} from './quota';
import { membersOfUnit, rosterOf, studentKey, type Rosters } from './rosters';
import { semesterOfMonth } from './semesters';
import type { Campaign, ClassLine, CoverageLine, PersonLine } from './model';
import { addMonths, lastDay, monthOf, type IsoDate, type IsoMonth } from './dates';
import type { HomeVisit, Semester, Unit, Visit } from './schemas';

/**
 * The dated, valid records of a campaign by calendar month, and each quota month's counts worked out
 * on first use: a status or a report needs a month or a few, not the whole campaign's history.
 */
export interface CountIndex {
  readonly calendar: QuotaCalendar;
  readonly rosters: Rosters;
  /** Valid, dated leader visits by calendar month ('YYYY-MM'), in sheet order. */
  readonly visitsByMonth: ReadonlyMap<IsoMonth, readonly Visit[]>;
  /** Valid, dated home visits by calendar month, in sheet order. */
  readonly homeVisitsByMonth: ReadonlyMap<IsoMonth, readonly HomeVisit[]>;
  /** Valid, dated home visits by the quota month of their semester they count toward (by month, then sheet order). */
  readonly homeVisitsByQuotaMonth: ReadonlyMap<IsoMonth, readonly HomeVisit[]>;
  /** Person key → unit key → distinct people visited (target or student keys) in one quota month. */
  countsOf(month: IsoMonth): MonthCounts;
}

type MonthCounts = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

const cache = new WeakMap<Campaign, CountIndex>();

/** The distinct people a person visited for a unit in a quota month (name keys). */
export function visitedIn(
  index: CountIndex,
  person: string,
  unit: string,
  month: IsoMonth,
): ReadonlySet<string> | undefined {
  return index.countsOf(month).get(person)?.get(unit);
}

/** Whether a target (by its group keys) belongs to one of a unit's groups. */
function inGroups(groups: readonly string[] | undefined, unitGroups: ReadonlySet<string>): boolean {
  if (groups === undefined) return false;
  for (const g of groups) if (unitGroups.has(g)) return true;
  return false;
}

interface UnitOfPerson {
  readonly key: string;
  readonly homeVisits: boolean;
  readonly groups: ReadonlySet<string>;
}

/** Records by the calendar month of their date (valid and dated ones only), in sheet order. */
function byMonth<T extends { valid: boolean; date: IsoDate | null }>(
  records: readonly T[],
): Map<IsoMonth, T[]> {
  const months = new Map<IsoMonth, T[]>();
  let lastMonth = '';
  let last: T[] = [];
  for (const record of records) {
    const date = record.date;
    if (!record.valid || date === null) continue;
    // Rows often come in date order: the previous row's month is tried first (no string made).
    if (lastMonth === '' || !date.startsWith(lastMonth)) {
      lastMonth = monthOf(date);
      let list = months.get(lastMonth);
      if (list === undefined) {
        list = [];
        months.set(lastMonth, list);
      }
      last = list;
    }
    last.push(record);
  }
  return months;
}

/**
 * Home visits by the quota month they count toward: their own month, or their semester's first quota month
 * for the days before it. Made from the calendar months: a month inside one semester moves whole (its list
 * shared, no copy); only a month a semester starts or ends in is looked at row by row.
 */
function byHomeQuotaMonth(
  byCalendarMonth: ReadonlyMap<IsoMonth, readonly HomeVisit[]>,
  cal: QuotaCalendar,
): Map<IsoMonth, readonly HomeVisit[]> {
  const parts = new Map<IsoMonth, (readonly HomeVisit[])[]>();
  const add = (quota: IsoMonth, records: readonly HomeVisit[]) => {
    const list = parts.get(quota);
    if (list === undefined) parts.set(quota, [records]);
    else list.push(records);
  };
  const quotaOf = (span: SemesterMonths, month: IsoMonth) => (month < span.first ? span.first : month);
  for (const [month, records] of byCalendarMonth) {
    const first = `${month}-01`;
    const last = lastDay(month);
    const whole = cal.homeMonths.find((s) => s.semester.start <= first && last <= s.semester.end);
    if (whole !== undefined) {
      add(quotaOf(whole, month), records);
      continue;
    }
    const bySpan = new Map<SemesterMonths, HomeVisit[]>();
    for (const record of records) {
      const date = record.date ?? '';
      const span = cal.homeMonths.find((s) => s.semester.start <= date && date <= s.semester.end);
      if (span === undefined) continue; // a valid home visit lies in a semester: never here
      const list = bySpan.get(span);
      if (list === undefined) bySpan.set(span, [record]);
      else list.push(record);
    }
    for (const [span, list] of bySpan) add(quotaOf(span, month), list);
  }
  const months = new Map<IsoMonth, readonly HomeVisit[]>();
  for (const [quota, lists] of parts) months.set(quota, lists.length === 1 ? (lists[0] ?? []) : lists.flat());
  return months;
}

/** The records counting toward a quota month: its own, and for the first quota month the days before it. */
function* ofQuotaMonth<T>(months: ReadonlyMap<IsoMonth, readonly T[]>, month: IsoMonth, first: IsoMonth) {
  if (month < first) return;
  if (month > first) {
    yield* months.get(month) ?? [];
    return;
  }
  for (const [m, records] of months) if (m <= first) yield* records;
}

export function countIndex(campaign: Campaign): CountIndex {
  const cached = cache.get(campaign);
  if (cached !== undefined) return cached;
  const rosters = campaign.rosters;
  const calendar = quotaCalendar(campaign.settings, campaign.semesters);
  const visitsByMonth = byMonth(campaign.visits);
  const homeVisitsByMonth = byMonth(campaign.homeVisits);
  const homeVisitsByQuotaMonth = byHomeQuotaMonth(homeVisitsByMonth, calendar);
  const unitsByPerson = new Map<string, UnitOfPerson[]>();
  const unitsOf = (personKey: string): UnitOfPerson[] => {
    let units = unitsByPerson.get(personKey);
    if (units === undefined) {
      units = (rosters.staffByKey.get(personKey)?.units ?? [])
        .map((name) => rosters.unitByKey.get(nameKey(name)))
        .filter((u): u is Unit => u !== undefined)
        .map((u) => ({
          key: nameKey(u.name),
          homeVisits: u.homeVisits,
          groups: new Set(u.groups.map(nameKey)),
        }));
      unitsByPerson.set(personKey, units);
    }
    return units;
  };
  const monthCounts = new Map<IsoMonth, MonthCounts>();

  const countMonth = (month: IsoMonth): MonthCounts => {
    const counts = new Map<string, Map<string, Set<string>>>();
    const visitedSet = (person: string, unit: string): Set<string> => {
      let byUnit = counts.get(person);
      if (byUnit === undefined) {
        byUnit = new Map();
        counts.set(person, byUnit);
      }
      let visited = byUnit.get(unit);
      if (visited === undefined) {
        visited = new Set();
        byUnit.set(unit, visited);
      }
      return visited;
    };
    for (const visit of ofQuotaMonth(visitsByMonth, month, calendar.leaderFirst)) {
      for (const person of visit.credited) {
        for (const unit of unitsOf(person)) {
          if (unit.homeVisits) continue;
          let visited: Set<string> | undefined;
          for (const target of visit.counted) {
            if (!inGroups(rosters.groupsOfTarget.get(target), unit.groups)) continue;
            visited ??= visitedSet(person, unit.key);
            visited.add(target);
          }
        }
      }
    }
    for (const visit of homeVisitsByQuotaMonth.get(month) ?? []) {
      for (const person of visit.credited) {
        for (const unit of unitsOf(person)) {
          if (!unit.homeVisits) continue;
          const students = visitedSet(person, unit.key);
          for (const student of visit.counted) students.add(student);
        }
      }
    }
    return counts;
  };

  const index: CountIndex = {
    calendar,
    rosters,
    visitsByMonth,
    homeVisitsByMonth,
    homeVisitsByQuotaMonth,
    countsOf: (month) => {
      let counts = monthCounts.get(month);
      if (counts === undefined) {
        counts = countMonth(month);
        monthCounts.set(month, counts);
      }
      return counts;
    },
  };
  cache.set(campaign, index);
  return index;
}

/** The quota lines of one month: every active person, once per unit with a quota that month. */
export function personLines(index: CountIndex, month: IsoMonth, today: IsoDate): PersonLine[] {
  const lines: PersonLine[] = [];
  for (const person of index.rosters.staff) {
    if (!person.active) continue;
    const personKey = nameKey(person.name);
    if (index.rosters.staffByKey.get(personKey) !== person) continue;
    const seen = new Set<string>();
    for (const unitName of person.units) {
      const unit = index.rosters.unitByKey.get(nameKey(unitName));
      if (unit === undefined || seen.has(nameKey(unit.name))) continue;
      seen.add(nameKey(unit.name));
      if (!isQuotaMonth(index.calendar, unit.homeVisits, month)) continue;
      const count = visitedIn(index, personKey, nameKey(unit.name), month)?.size ?? 0;
      const status = quotaStatus(count, unit.minimum, month, today, index.calendar.exempt.has(month));
      if (status === null) continue;
      lines.push({ name: person.name, unit: unit.name, count, minimum: unit.minimum, status });
    }
  }
  return lines;
}

/**
 * Coverage of a leader unit's groups in the cycle holding a month, with the names not yet visited,
 * counting visits up to `asOf` (the end of that month, or today while it runs).
 */
export function unitCoverage(
  campaign: Campaign,
  index: CountIndex,
  unit: Unit,
  month: IsoMonth,
  asOf: IsoDate,
): CoverageLine {
  const cycle = cycleOf(index.calendar, unit.coverageMonths, month);
  const members = membersOfUnit(index.rosters, unit);
  const memberSet = new Set(members);
  const unitKey = nameKey(unit.name);
  const unitStaff = new Set(
    index.rosters.staff
      .filter((p) => p.units.some((u) => nameKey(u) === unitKey))
      .map((p) => nameKey(p.name)),
  );
  const visited = new Set<string>();
  const until = cycle.end < asOf ? cycle.end : asOf;
  for (let m = monthOf(cycle.start); m <= monthOf(until); m = addMonths(m, 1)) {
    for (const visit of index.visitsByMonth.get(m) ?? []) {
      const date = visit.date ?? '';
      if (date < cycle.start || date > until) continue;
      if (!visit.credited.some((person) => unitStaff.has(person))) continue;
      for (const target of visit.counted) if (memberSet.has(target)) visited.add(target);
    }
  }
  return {
    unit: unit.name,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    visited: visited.size,
    total: members.length,
    missing: members.filter((m) => !visited.has(m)).map((m) => index.rosters.targetByKey.get(m)?.name ?? m),
  };
}

/** The distinct students visited within a semester: any mode, and in person. */
export interface SemesterVisited {
  readonly visited: ReadonlySet<string>;
  readonly inPerson: ReadonlySet<string>;
}

const semesterVisitedCache = new WeakMap<CountIndex, Map<string, SemesterVisited>>();

/** The semester whose figures a month shows (the one holding it; in the summer the one just ended). */
export function semesterForMonth(campaign: Campaign, month: IsoMonth): Semester {
  return semesterOfMonth(campaign.semesters, month) ?? rosterOf(campaign.rosters, undefined).semester;
}

/**
 * The distinct students (counting keys) visited within a semester up to `asOf`, any mode and in person:
 * only that semester's home visits count, so a child visited in spring is still to visit in autumn.
 */
export function visitedInSemester(index: CountIndex, semester: Semester, asOf: IsoDate): SemesterVisited {
  // Reminders ask once per teacher on one day: the sets are made once per (semester, day) and campaign.
  let known = semesterVisitedCache.get(index);
  if (known === undefined) {
    known = new Map();
    semesterVisitedCache.set(index, known);
  }
  const cacheKey = `${semester.start}|${semester.end}|${asOf}`;
  const held = known.get(cacheKey);
  if (held !== undefined) return held;
  const visited = new Set<string>();
  const inPerson = new Set<string>();
  const until = semester.end < asOf ? semester.end : asOf;
  for (let m = monthOf(semester.start); m <= monthOf(until); m = addMonths(m, 1)) {
    for (const visit of index.homeVisitsByMonth.get(m) ?? []) {
      const date = visit.date ?? '';
      if (date < semester.start || date > until) continue;
      for (const key of visit.counted) {
        visited.add(key);
        if (visit.mode === 'inPerson') inPerson.add(key);
      }
    }
  }
  const made = { visited, inPerson };
  known.set(cacheKey, made);
  return made;
}

/**
 * Per class of a semester's roster: students, distinct students visited within that semester up to `asOf`
 * (any mode) and in person. The semester defaults to the one of `asOf`'s month.
 */
export function classLines(
  campaign: Campaign,
  index: CountIndex,
  asOf: IsoDate,
  semester: Semester = semesterForMonth(campaign, monthOf(asOf)),
): ClassLine[] {
  const { visited, inPerson } = visitedInSemester(index, semester, asOf);
  const roster = rosterOf(index.rosters, semester);
  const lines = new Map<string, ClassLine>();
  for (const student of roster.students) {
    const classKey = nameKey(student.className);
    let line = lines.get(classKey);
    if (line === undefined) {
      line = {
        class: roster.classNames.get(classKey) ?? student.className,
        students: 0,
        visited: 0,
        inPerson: 0,
      };
      lines.set(classKey, line);
    }
    const key = studentKey(student);
    line.students += 1;
    if (visited.has(key)) line.visited += 1;
    if (inPerson.has(key)) line.inPerson += 1;
  }
  return [...lines.values()];
}
