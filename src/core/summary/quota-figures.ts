// A summary's quota figures, from the engine's own month figures (computeStatus): people, units, cycles, classes.
import { computeStatus } from '../engine';
import { addMonths, lastDay, monthOf, type IsoDate, type IsoMonth } from '../dates';
import { nameKey } from '../names';
import { completionOf } from '../report/monthly-report';
import type { Campaign, ClassLine, CoverageLine, PersonLine, StatusResult } from '../model';
import { scopeAsAt, type SummaryScope } from './scope';

export interface PersonSummary {
  name: string;
  unit: string;
  /** Quota months met, of the months evaluated (ended, not exempt). */
  met: number;
  evaluated: number;
}

export interface UnitMonth {
  month: IsoMonth;
  /** The monthly report's completion of that month (null when the month has no non-exempt line). */
  completion: number | null;
}

export interface UnitSummary {
  unit: string;
  homeVisits: boolean;
  /** Person-months met, of the person-months evaluated. */
  met: number;
  evaluated: number;
  /** Σ min(count, minimum) ÷ Σ minimum over the evaluated months' lines; null without any. */
  completion: number | null;
  months: UnitMonth[];
}

/** A unit's cycle coverage as it stood at the cycle's end (or the scope's last month in it, or today). */
export interface CycleSummary extends CoverageLine {
  asAt: IsoDate;
}

export interface SemesterClasses {
  semester: string;
  asAt: IsoDate;
  classes: ClassLine[];
}

export interface QuotaFigures {
  /** The months of the scope up to today's, in order. */
  months: IsoMonth[];
  /** The months evaluated: ended by today. */
  evaluatedMonths: IsoMonth[];
  people: PersonSummary[];
  units: UnitSummary[];
  /** The school's completion by month: every unit's lines together. */
  schoolMonths: UnitMonth[];
  cycles: CycleSummary[];
  classes: SemesterClasses[];
}

/** The calendar months from a scope's start to the month of the day it stands at. */
export function scopeMonths(scope: SummaryScope, today: IsoDate): IsoMonth[] {
  const months: IsoMonth[] = [];
  const last = monthOf(scopeAsAt(scope, today));
  for (let m = monthOf(scope.start); m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

export function quotaFigures(campaign: Campaign, scope: SummaryScope, today: IsoDate): QuotaFigures {
  const months = scopeMonths(scope, today);
  const status = new Map<IsoMonth, StatusResult>();
  const statusOf = (month: IsoMonth): StatusResult => {
    let found = status.get(month);
    if (found === undefined) {
      found = computeStatus(campaign, month, today);
      status.set(month, found);
    }
    return found;
  };
  const current = monthOf(today);
  const evaluatedMonths = months.filter((m) => m < current);
  const unitOrder = new Map(campaign.units.map((u, i) => [nameKey(u.name), i]));

  // People: met and evaluated over the ended months (exempt lines are neither).
  const people = new Map<string, PersonSummary & { order: number }>();
  for (const month of months) {
    for (const line of statusOf(month).people) {
      if (line.status === 'exempt') continue;
      const key = `${nameKey(line.name)}|${nameKey(line.unit)}`;
      const person = people.get(key) ?? {
        name: line.name,
        unit: line.unit,
        met: 0,
        evaluated: 0,
        order: people.size,
      };
      people.set(key, person);
      if (month >= current) continue;
      person.evaluated += 1;
      if (line.status === 'met') person.met += 1;
    }
  }
  const peopleList = [...people.values()]
    .sort(
      (a, b) =>
        (unitOrder.get(nameKey(a.unit)) ?? 0) - (unitOrder.get(nameKey(b.unit)) ?? 0) || a.order - b.order,
    )
    .map(({ name, unit, met, evaluated }) => ({ name, unit, met, evaluated }));

  const units = campaign.units.map((unit): UnitSummary => {
    const key = nameKey(unit.name);
    const linesOf = (month: IsoMonth): PersonLine[] =>
      statusOf(month).people.filter((l) => nameKey(l.unit) === key);
    const ended = completionOf(evaluatedMonths.flatMap(linesOf));
    const mine = peopleList.filter((p) => nameKey(p.unit) === key);
    return {
      unit: unit.name,
      homeVisits: unit.homeVisits,
      met: mine.reduce((n, p) => n + p.met, 0),
      evaluated: mine.reduce((n, p) => n + p.evaluated, 0),
      completion: ended.completion,
      months: months.map((month) => ({ month, completion: completionOf(linesOf(month)).completion })),
    };
  });

  // Cycles: each cycle's line from the last non-exempt month of the scope in it (a month's figures stand at its end).
  const exempt = new Set(campaign.settings.exemptMonths);
  const cycles = new Map<string, CycleSummary>();
  for (const month of months) {
    if (exempt.has(month)) continue;
    for (const line of statusOf(month).coverage) {
      const asAt = earlier(earlier(lastDay(month), line.cycleEnd), today);
      cycles.set(`${nameKey(line.unit)}|${line.cycleStart}`, { ...line, asAt });
    }
  }
  const cycleList = [...cycles.values()].sort(
    (a, b) =>
      (unitOrder.get(nameKey(a.unit)) ?? 0) - (unitOrder.get(nameKey(b.unit)) ?? 0) ||
      a.cycleStart.localeCompare(b.cycleStart),
  );

  // Classes at each semester's end (or today), for the semesters of the scope that have begun.
  const asAt = scopeAsAt(scope, today);
  const classes = campaign.semesters
    .filter((s) => s.start <= asAt && s.end >= scope.start)
    .filter((s) => scope.kind === 'year' || nameKey(s.name) === nameKey(scope.name))
    .map((s): SemesterClasses => {
      const end = earlier(s.end, today);
      return { semester: s.name, asAt: end, classes: statusOf(monthOf(end)).classes };
    });

  const schoolMonths = months.map((month) => ({
    month,
    completion: completionOf(statusOf(month).people).completion,
  }));
  return { months, evaluatedMonths, people: peopleList, units, schoolMonths, cycles: cycleList, classes };
}
