// Monthly counts per (person, unit, quota month), cycle coverage per unit and home-visit coverage per class.
import { nameKey } from './names';
import { cycleOf, isQuotaMonth, quotaCalendar, quotaMonthOf, quotaStatus, type QuotaCalendar } from './quota';
import { membersOfUnit, studentKey, type Rosters } from './rosters';
import type { Campaign, ClassLine, CoverageLine, PersonLine } from './model';
import type { IsoDate, IsoMonth } from './dates';
import type { Unit } from './schemas';

/** Everything counted once per campaign, so that any month's figures are look-ups. */
export interface CountIndex {
  readonly calendar: QuotaCalendar;
  readonly rosters: Rosters;
  /** Person key → unit key → quota month → distinct people visited (target or student keys). */
  readonly counts: Counts;
}

const cache = new WeakMap<Campaign, CountIndex>();

type Counts = Map<string, Map<string, Map<IsoMonth, Set<string>>>>;

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The set a person's visits in a unit and quota month go into (nested maps: no composite string keys). */
function bucket(counts: Counts, person: string, unit: string, month: IsoMonth): Set<string> {
  const byUnit = child(counts, person, () => new Map<string, Map<IsoMonth, Set<string>>>());
  return child(
    child(byUnit, unit, () => new Map<IsoMonth, Set<string>>()),
    month,
    () => new Set<string>(),
  );
}

/** The distinct people a person visited for a unit in a quota month (name keys). */
export function visitedIn(
  index: CountIndex,
  person: string,
  unit: string,
  month: IsoMonth,
): ReadonlySet<string> | undefined {
  return index.counts.get(person)?.get(unit)?.get(month);
}

interface UnitOfPerson {
  readonly key: string;
  readonly homeVisits: boolean;
  readonly groups: ReadonlySet<string>;
}

export function countIndex(campaign: Campaign): CountIndex {
  const cached = cache.get(campaign);
  if (cached !== undefined) return cached;
  const rosters = campaign.rosters;
  const calendar = quotaCalendar(campaign.settings);
  const counts: Counts = new Map();
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

  for (const visit of campaign.visits) {
    if (!visit.valid || visit.date === null) continue;
    const month = quotaMonthOf(visit.date, calendar.leaderFirst);
    for (const person of visit.credited) {
      for (const unit of unitsOf(person)) {
        if (unit.homeVisits) continue;
        for (const target of visit.counted) {
          const ofTarget = rosters.groupsOfTarget.get(target);
          if (ofTarget !== undefined && ofTarget.some((g) => unit.groups.has(g))) {
            bucket(counts, person, unit.key, month).add(target);
          }
        }
      }
    }
  }
  for (const visit of campaign.homeVisits) {
    if (!visit.valid || visit.date === null) continue;
    const month = quotaMonthOf(visit.date, calendar.homeFirst);
    for (const person of visit.credited) {
      for (const unit of unitsOf(person)) {
        if (!unit.homeVisits) continue;
        const students = bucket(counts, person, unit.key, month);
        for (const student of visit.counted) students.add(student);
      }
    }
  }
  const index = { calendar, rosters, counts };
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
  for (const visit of campaign.visits) {
    if (!visit.valid || visit.date === null || visit.date < cycle.start || visit.date > cycle.end) continue;
    if (visit.date > asOf) continue;
    if (!visit.credited.some((person) => unitStaff.has(person))) continue;
    for (const target of visit.counted) if (memberSet.has(target)) visited.add(target);
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

/** Per class: students, distinct students visited this semester up to `asOf` (any mode) and in person. */
export function classLines(campaign: Campaign, index: CountIndex, asOf: IsoDate): ClassLine[] {
  const visited = new Set<string>();
  const inPerson = new Set<string>();
  for (const visit of campaign.homeVisits) {
    if (!visit.valid || visit.date === null || visit.date > asOf) continue;
    for (const key of visit.counted) {
      visited.add(key);
      if (visit.mode === 'inPerson') inPerson.add(key);
    }
  }
  const lines = new Map<string, ClassLine>();
  for (const student of index.rosters.students) {
    const classKey = nameKey(student.className);
    const line = lines.get(classKey) ?? {
      class: index.rosters.classNames.get(classKey) ?? student.className,
      students: 0,
      visited: 0,
      inPerson: 0,
    };
    const key = studentKey(student);
    line.students += 1;
    if (visited.has(key)) line.visited += 1;
    if (inPerson.has(key)) line.inPerson += 1;
    lines.set(classKey, line);
  }
  return [...lines.values()];
}
