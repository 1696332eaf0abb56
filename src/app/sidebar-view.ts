// What the sidebar shows of one person, built from the checked campaign: targets, classes, purposes, progress.
import { format, texts } from '../core/i18n/messages';
import { monthOf, type IsoDate } from '../core/dates';
import { countIndex, semesterForMonth, visitedInSemester } from '../core/counting';
import { personProgress, type PersonProgress } from '../core/engine';
import type { Campaign } from '../core/model';
import { nameKey } from '../core/names';
import { membersOfUnit, rosterOf, studentKey, type StudentRoster } from '../core/rosters';
import type { Staff, Student, Unit } from '../core/schemas';
import type {
  ClassStudents,
  PersonView,
  ProgressLine,
  StudentOption,
  TargetOption,
} from '../contract/sidebar-payload';
import { initialsOf, type Initials } from './initials';

/** At most this many names of people not yet visited are listed per line. */
export const LEFT_NAMES_SHOWN = 10;

function unitsOf(campaign: Campaign, person: Staff): Unit[] {
  return person.units
    .map((u) => campaign.rosters.unitByKey.get(nameKey(u)))
    .filter((u): u is Unit => u !== undefined);
}

/** Active staff in roster order. */
export function activeStaff(campaign: Campaign): Staff[] {
  return campaign.staff.filter((s) => s.active);
}

/** The active staff member of a name (compared as names are), if any. */
export function findStaff(campaign: Campaign, name: string): Staff | undefined {
  const key = nameKey(name);
  return key === '' ? undefined : activeStaff(campaign).find((s) => nameKey(s.name) === key);
}

/** The active staff member whose email is the signed-in user's, if any. */
export function staffOfEmail(campaign: Campaign, email: string): Staff | undefined {
  const wanted = email.trim().toLowerCase();
  return wanted === ''
    ? undefined
    : activeStaff(campaign).find((s) => s.email.trim().toLowerCase() === wanted);
}

/** "my progress this month": one line per quota line, with who is left this cycle in words. */
export function progressLines(campaign: Campaign, progress: PersonProgress): ProgressLine[] {
  const t = texts(campaign.lang);
  const sep = campaign.lang === 'en' ? ', ' : '、';
  return progress.lines.map((line) => {
    const statusText = t.status[line.status];
    const missing = progress.missing.find((m) => nameKey(m.unit) === nameKey(line.unit));
    let leftText = '';
    // A home-visit unit's list is the class's students this semester, not a coverage cycle's targets.
    const home = campaign.rosters.unitByKey.get(nameKey(line.unit))?.homeVisits === true;
    const words = home
      ? { none: t.sidebarUx.noneLeftHome, left: t.sidebarUx.leftHome }
      : { none: t.sidebar.noneLeft, left: t.sidebar.left };
    if (missing !== undefined && missing.names.length === 0) leftText = words.none;
    else if (missing !== undefined) {
      const shown = missing.names.slice(0, LEFT_NAMES_SHOWN).join(sep);
      const more = missing.names.length - LEFT_NAMES_SHOWN;
      const names = more > 0 ? `${shown} ${format(t.table.andMore, { count: missing.names.length })}` : shown;
      leftText = format(words.left, { names });
    }
    const text = `${format(t.sidebar.progressLine, { unit: line.unit, count: line.count, minimum: line.minimum })} · ${statusText}`;
    return {
      unit: line.unit,
      count: line.count,
      minimum: line.minimum,
      status: line.status,
      statusText,
      text,
      leftText,
    };
  });
}

/** The targets of the person's leader-visit units, the ones not yet visited this cycle first. */
function targetOptions(
  campaign: Campaign,
  units: Unit[],
  progress: PersonProgress,
  initials?: Initials,
): TargetOption[] {
  const unitKeys = new Set(units.map((u) => nameKey(u.name)));
  const notVisited = new Set(
    progress.missing.filter((m) => unitKeys.has(nameKey(m.unit))).flatMap((m) => m.names.map(nameKey)),
  );
  const seen = new Set<string>();
  const options: TargetOption[] = [];
  for (const unit of units)
    for (const key of membersOfUnit(campaign.rosters, unit)) {
      const target = campaign.rosters.targetByKey.get(key);
      if (target === undefined || seen.has(key)) continue;
      seen.add(key);
      options.push({
        name: target.name,
        group: target.group,
        visited: !notVisited.has(key),
        initials: initialsOf(initials, target.name),
      });
    }
  return [...options.filter((o) => !o.visited), ...options.filter((o) => o.visited)];
}

/** The roster of the semester of today's month: the classes and students the home-visit form offers. */
export function semesterRoster(campaign: Campaign, today: IsoDate): StudentRoster {
  return rosterOf(campaign.rosters, semesterForMonth(campaign, monthOf(today)));
}

/** Every class's name of today's semester in roster order (as first written in the 学生 sheet). */
export function classNames(campaign: Campaign, today: IsoDate): string[] {
  return [...semesterRoster(campaign, today).classNames.values()];
}

/** The students (the engine's student keys) named on a valid home visit of today's semester, up to today. */
export function visitedStudents(campaign: Campaign, today: IsoDate): ReadonlySet<string> {
  const semester = semesterForMonth(campaign, monthOf(today));
  return visitedInSemester(countIndex(campaign), semester, today).visited;
}

/** A student as the sidebar shows one: name, 学号, visited this semester, initials; never guardian or contact. */
export function studentOption(
  student: Student,
  visited: ReadonlySet<string>,
  initials?: Initials,
): StudentOption {
  return {
    id: student.studentId,
    name: student.name,
    visited: visited.has(studentKey(student)),
    initials: initialsOf(initials, student.name),
  };
}

/** One class's students, found as classes are (compared as names are), the ones not yet visited first. */
export function studentsOfClass(
  campaign: Campaign,
  className: string,
  today: IsoDate,
  initials?: Initials,
): ClassStudents {
  const key = nameKey(className);
  const roster = semesterRoster(campaign, today).students;
  const students = key === '' ? [] : roster.filter((s) => nameKey(s.className) === key);
  const visited = visitedStudents(campaign, today);
  const options = students.map((s) => studentOption(s, visited, initials));
  return {
    className: students[0]?.className ?? className,
    students: [...options.filter((s) => !s.visited), ...options.filter((s) => s.visited)],
  };
}

/** Everything the form needs about one person. */
export function personView(
  campaign: Campaign,
  person: Staff,
  today: IsoDate,
  initials?: Initials,
): PersonView {
  const units = unitsOf(campaign, person);
  const leader = units.filter((u) => !u.homeVisits);
  const home = units.some((u) => u.homeVisits);
  const purposes = [...new Set(leader.map((u) => u.purpose.trim()).filter((p) => p !== ''))];
  const progress = personProgress(campaign, person.name, today);
  const classes = home ? classNames(campaign, today) : [];
  const own = classes.find((c) => nameKey(c) === nameKey(person.className));
  const start = own ?? classes[0];
  return {
    name: person.name,
    units: units.map((u) => u.name),
    canVisit: leader.length > 0,
    canHomeVisit: home,
    className: person.className,
    targets: leader.length > 0 ? targetOptions(campaign, leader, progress, initials) : [],
    classes,
    startClass: start === undefined ? null : studentsOfClass(campaign, start, today, initials),
    purposes,
    progress: progressLines(campaign, progress),
  };
}
