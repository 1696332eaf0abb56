// The sample school's months of visits and home visits: most people meet their minimum, some fall behind, some miss.
import {
  addMonths,
  daysBetween,
  daysInMonth,
  firstDay,
  lastDay,
  monthOf,
  type IsoDate,
  type IsoMonth,
} from '../dates';
import type { Mode } from '../schemas';
import {
  homeVisitDraft,
  mixedList,
  randomDate,
  visitDraft,
  type Draft,
  type SampleContext,
  type SampleSemester,
} from './drafts';
import { TEACHERS_UNIT, type SampleStaff, type SampleStudent } from './people';

interface MonthWindow {
  month: IsoMonth;
  from: IsoDate;
  to: IsoDate;
  /** The share of the month inside the window (a partial first month, or the current month up to today). */
  share: number;
}

/** The months from `from` to `to`, exempt months left out, each clipped to [from, to]. */
export function monthWindows(ctx: SampleContext, from: IsoDate, to: IsoDate): MonthWindow[] {
  const windows: MonthWindow[] = [];
  if (from > to) return windows;
  for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) {
    if (ctx.calendar.exemptMonths.includes(month)) continue;
    const lo = firstDay(month) > from ? firstDay(month) : from;
    const hi = lastDay(month) < to ? lastDay(month) : to;
    windows.push({ month, from: lo, to: hi, share: (daysBetween(lo, hi) + 1) / daysInMonth(month) });
  }
  return windows;
}

/** How many people a person visits in a window: a diligent month reaches the minimum, others fall short. */
function visitsWanted(ctx: SampleContext, minimum: number, diligence: number, share: number): number {
  const full = ctx.random.chance(diligence) ? minimum + ctx.random.int(0, 2) : ctx.random.int(0, minimum - 1);
  return Math.round(full * share);
}

/** Picks n items, mostly those picked least so far (people forget whom others have seen), and counts the picks. */
function leastVisited<T>(ctx: SampleContext, items: T[], tally: Map<T, number>, n: number): T[] {
  const rank = new Map(items.map((item) => [item, (tally.get(item) ?? 0) + ctx.random.next() * 1.6]));
  const chosen = [...items].sort((a, b) => rank.get(a)! - rank.get(b)!).slice(0, n);
  for (const item of chosen) tally.set(item, (tally.get(item) ?? 0) + 1);
  return chosen;
}

export function leaderUnitOf(person: SampleStaff): number | undefined {
  return person.units.find((u) => u !== TEACHERS_UNIT);
}

export function leaderVisits(ctx: SampleContext): Draft[] {
  const { random, people, calendar, today } = ctx;
  const drafts: Draft[] = [];
  const leaders = people.staff.filter((s) => s.active && leaderUnitOf(s) !== undefined);
  const windows = monthWindows(ctx, calendar.campaignStart, today);
  /** Per unit and coverage cycle (two months), how often each target has been visited. */
  const tallies = new Map<string, Map<string, number>>();
  const diligence = new Map(leaders.map((l) => [l.name, 0.45 + random.next() * 0.5]));
  windows.forEach((window, w) => {
    for (const leader of leaders) {
      const unit = leaderUnitOf(leader)!;
      const info = people.units[unit]!;
      const n = visitsWanted(ctx, info.minimum, diligence.get(leader.name)!, window.share);
      const members = people.targets.filter((t) => t.unit === unit).map((t) => t.name);
      const cycle = `${unit}|${Math.floor(w / 2)}`;
      const tally = tallies.get(cycle) ?? new Map<string, number>();
      tallies.set(cycle, tally);
      let rest = leastVisited(ctx, members, tally, n);
      const colleagues = leaders.filter((l) => l !== leader && leaderUnitOf(l) === unit).map((l) => l.name);
      if (rest.length >= 3 && random.chance(0.3)) {
        const group = rest.slice(0, random.int(3, Math.min(6, rest.length)));
        rest = rest.slice(group.length);
        drafts.push(
          visitDraft(ctx, {
            date: randomDate(ctx, window.from, window.to),
            visitor: leader,
            unit,
            coVisitors: random.chance(0.5) ? [random.pick(colleagues)] : [],
            targets: group,
            targetsText: mixedList(ctx, group),
            mode: 'group',
          }),
        );
      }
      for (const target of rest) {
        const mode = random.weighted<Mode>([
          ['faceToFace', 40],
          ['inPerson', 20],
          ['phone', 30],
          ['atSchool', 10],
        ]);
        drafts.push(
          visitDraft(ctx, {
            date: randomDate(ctx, window.from, window.to),
            visitor: leader,
            unit,
            coVisitors: random.chance(0.2) ? [random.pick(colleagues)] : [],
            targets: [target],
            mode,
          }),
        );
      }
    }
  });
  return drafts;
}

/** The semester holding today, or the last one begun (its roster and classes are the current ones). */
export function currentSemester(ctx: SampleContext): SampleSemester {
  const begun = ctx.semesters.filter((s) => s.start <= ctx.today);
  return begun[begun.length - 1] ?? ctx.semesters[0]!;
}

/** The class a teacher has in a semester. */
export function classOf(teacher: SampleStaff, semester: SampleSemester): string {
  return semester.autumn ? teacher.className : teacher.springClass;
}

/** The students of a class in a semester's roster. */
export function inClassOf(semester: SampleSemester, className: string): SampleStudent[] {
  return semester.roster.filter((s) => s.className === className);
}

/**
 * The days of a semester on which home visits can have happened so far: from the semester's start (teachers
 * visit families from the first weeks of term, and a semester's first quota month counts those days, §3),
 * not from the campaign's, which bounds leader visits only.
 */
export function homeVisitSpan(ctx: SampleContext, semester: SampleSemester): { from: IsoDate; to: IsoDate } {
  return {
    from: semester.start,
    to: semester.end < ctx.today ? semester.end : ctx.today,
  };
}

export function activeTeachers(ctx: SampleContext): SampleStaff[] {
  return ctx.people.staff.filter((s) => s.active && s.units.includes(TEACHERS_UNIT) && s.className !== '');
}

/** Each semester's home visits: every teacher visits students of their class of that semester, month by month. */
export function homeVisits(ctx: SampleContext): Draft[] {
  const { random, people } = ctx;
  const drafts: Draft[] = [];
  const teachers = activeTeachers(ctx);
  const minimum = people.units[TEACHERS_UNIT]!.minimum;
  const diligence = new Map(teachers.map((t) => [t.name, 0.5 + random.next() * 0.45]));
  for (const semester of ctx.semesters) {
    const span = homeVisitSpan(ctx, semester);
    const tally = new Map<SampleStudent, number>();
    for (const window of monthWindows(ctx, span.from, span.to)) {
      for (const teacher of teachers) {
        const className = classOf(teacher, semester);
        const n = visitsWanted(ctx, minimum, diligence.get(teacher.name)!, window.share);
        const chosen = leastVisited(ctx, inClassOf(semester, className), tally, n);
        const sameClass = teachers.filter((t) => t !== teacher && classOf(t, semester) === className);
        const helpers = sameClass.length > 0 ? sameClass : teachers.filter((t) => t !== teacher);
        while (chosen.length > 0) {
          const students = chosen.splice(0, chosen.length >= 2 && random.chance(0.1) ? 2 : 1);
          const mode = random.weighted<Mode>([
            ['inPerson', 30],
            ['phone', 45],
            ['atSchool', 25],
          ]);
          const coTeachers =
            mode === 'inPerson'
              ? random
                  .shuffle(helpers)
                  .slice(0, random.int(1, Math.min(2, helpers.length)))
                  .map((t) => t.name)
              : [];
          drafts.push(
            homeVisitDraft(ctx, {
              date: randomDate(ctx, window.from, window.to),
              teacher,
              className,
              students,
              // Now and then a teacher writes the student ID instead of the name.
              studentsText: students.length === 1 && random.chance(0.04) ? students[0]!.id : undefined,
              coTeachers,
              mode,
            }),
          );
        }
      }
    }
  }
  return drafts;
}
