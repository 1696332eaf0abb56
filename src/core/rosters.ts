// The rosters (部门指标, 人员, 走访对象, 学生) read into records, checked, and indexed by name key; students per semester.
import { cellAt, cellText, type ParsedTable } from './grid';
import { nameKey, splitList } from './names';
import { FindingList } from './findings';
import { HOME_VISIT_GROUPS } from './defaults';
import type { Semester, Settings, Staff, Student, Target, Unit } from './schemas';
import { semesterNamed, semesterNames } from './semesters';
import type { Lang } from './i18n/messages';
import { parseYesNo } from './values';

const HOME_GROUP_KEYS = new Set(HOME_VISIT_GROUPS.map(nameKey));
/** The longest coverage cycle a unit may have (§4: 1–12 months, in 设置 and 部门指标 alike). */
export const MAX_COVERAGE_MONTHS = 12;

export interface Rosters {
  units: Unit[];
  staff: Staff[];
  targets: Target[];
  students: Student[];
  unitByKey: Map<string, Unit>;
  staffByKey: Map<string, Staff>;
  /** Target group key → member name keys, in roster order. */
  groupMembers: Map<string, string[]>;
  /** Target name key → the first roster entry of that name (for display). */
  targetByKey: Map<string, Target>;
  /** Target name key → the group keys it belongs to. */
  groupsOfTarget: Map<string, string[]>;
  /** Every semester's students together (a home visit of no semester is looked up here). */
  studentsByClass: ReadonlyMap<string, ReadonlyMap<string, readonly Student[]>>;
  /** Student ID key → the first student of that ID, of any semester. */
  studentById: ReadonlyMap<string, Student>;
  /** Class display names in roster order, by class key, of any semester. */
  classNames: ReadonlyMap<string, string>;
  /** Each semester's roster, in the campaign's semester order. */
  semesterRosters: readonly StudentRoster[];
}

/** The identity of a student when counting: the student ID, or class and name when there is none. */
export function studentKey(student: Student): string {
  return student.studentId !== ''
    ? `#${nameKey(student.studentId)}`
    : `${nameKey(student.className)}/${nameKey(student.name)}`;
}

/** Units with a usable minimum, and the names and groups of every unit row (a broken one included). */
export interface UnitsRead {
  units: Unit[];
  unitKeys: Set<string>;
  groupKeys: Set<string>;
}

export function readUnits(
  parsed: ParsedTable | undefined,
  settings: Settings,
  findings: FindingList[],
): UnitsRead {
  const read: UnitsRead = { units: [], unitKeys: new Set(), groupKeys: new Set() };
  if (parsed === undefined) return read;
  const list = new FindingList(parsed);
  findings.push(list);
  const units = read.units;
  const at = parsed.columnIndex;
  for (let i = 0; i < parsed.lines.length; i++) {
    const line = parsed.lines[i] ?? [];
    const row = parsed.rowNumbers[i] ?? 0;
    const name = cellText(cellAt(line, at.unit));
    list.invisible(row, 'unit', [name]);
    if (nameKey(name) === '') {
      list.error(row, 'unit', 'NAME_MISSING');
      continue;
    }
    const groups = splitList(cellText(cellAt(line, at.groups)));
    list.invisible(row, 'groups', groups);
    // A unit with a broken minimum has no quota lines, but its name and groups stay known.
    read.unitKeys.add(nameKey(name));
    for (const g of groups) read.groupKeys.add(nameKey(g));
    const minimumText = cellText(cellAt(line, at.minimum)).normalize('NFKC');
    const minimum = Number(minimumText);
    if (!Number.isInteger(minimum) || minimum < 1) {
      list.error(row, 'minimum', 'MINIMUM_INVALID', { value: minimumText });
      continue;
    }
    // 1–12, as in 设置 (§4): 1000000000 months is no cycle. Out of range or unreadable, the unit runs on
    // 设置's coverage meanwhile.
    const coverageText = cellText(cellAt(line, at.coverageMonths)).normalize('NFKC');
    const coverage = Number(coverageText);
    const readable = coverageText !== '' && Number.isInteger(coverage) && coverage >= 1;
    const inRange = readable && coverage <= MAX_COVERAGE_MONTHS;
    const coverageMonths = inRange ? coverage : settings.coverageMonths;
    if (coverageText !== '' && !readable) {
      list.error(row, 'coverageMonths', 'COVERAGE_INVALID', { value: coverageText });
    } else if (readable && !inRange) {
      list.error(row, 'coverageMonths', 'COVERAGE_OUT_OF_RANGE', {
        value: coverageText,
        default: settings.coverageMonths,
      });
    }
    units.push({
      row,
      name,
      groups,
      minimum,
      coverageMonths,
      purpose: cellText(cellAt(line, at.purpose)),
      head: cellText(cellAt(line, at.head)),
      homeVisits: groups.some((g) => HOME_GROUP_KEYS.has(nameKey(g))),
    });
  }
  return read;
}

export function readStaff(
  parsed: ParsedTable | undefined,
  unitKeys: ReadonlySet<string>,
  findings: FindingList[],
): Staff[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  const staff: Staff[] = [];
  /** Active staff by name key: the first row of each name. */
  const activeRows = new Map<string, Staff>();
  const at = parsed.columnIndex;
  for (let i = 0; i < parsed.lines.length; i++) {
    const line = parsed.lines[i] ?? [];
    const row = parsed.rowNumbers[i] ?? 0;
    const name = cellText(cellAt(line, at.name));
    list.invisible(row, 'name', [name]);
    if (nameKey(name) === '') {
      list.error(row, 'name', 'NAME_MISSING');
      continue;
    }
    const units = splitList(cellText(cellAt(line, at.units)));
    for (const unit of units) {
      if (!unitKeys.has(nameKey(unit))) list.warning(row, 'units', 'UNIT_UNKNOWN', { name: unit });
    }
    const activeCell = cellAt(line, at.active);
    let active = true;
    if (cellText(activeCell) !== '') {
      const yes = parseYesNo(activeCell);
      if (yes === undefined) list.warning(row, 'active', 'ACTIVE_INVALID', { value: cellText(activeCell) });
      else active = yes;
    }
    // Two active people of one name cannot be told apart on a visit row: the later row is an error naming
    // the earlier, and is left out (no quota line, no visits credited to it).
    const earlier = active ? activeRows.get(nameKey(name)) : undefined;
    if (earlier !== undefined) {
      list.error(row, 'name', 'STAFF_DUPLICATE', { name: earlier.name, row: earlier.row });
      continue;
    }
    const person: Staff = {
      row,
      name,
      email: cellText(cellAt(line, at.email)),
      units,
      role: cellText(cellAt(line, at.role)),
      className: cellText(cellAt(line, at.className)),
      active,
    };
    if (active) activeRows.set(nameKey(name), person);
    staff.push(person);
  }
  return staff;
}

export function readTargets(
  parsed: ParsedTable | undefined,
  groupKeys: ReadonlySet<string>,
  findings: FindingList[],
): Target[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  const targets: Target[] = [];
  const at = parsed.columnIndex;
  for (let i = 0; i < parsed.lines.length; i++) {
    const line = parsed.lines[i] ?? [];
    const row = parsed.rowNumbers[i] ?? 0;
    const name = cellText(cellAt(line, at.name));
    list.invisible(row, 'name', [name]);
    if (nameKey(name) === '') {
      list.error(row, 'name', 'NAME_MISSING');
      continue;
    }
    const group = cellText(cellAt(line, at.group));
    if (!groupKeys.has(nameKey(group))) list.warning(row, 'group', 'GROUP_UNKNOWN', { name: group });
    const assignedTo = splitList(cellText(cellAt(line, at.assignedTo)));
    list.invisible(row, 'assignedTo', assignedTo);
    targets.push({ row, name, group, assignedTo, note: cellText(cellAt(line, at.note)) });
  }
  return targets;
}

/** One semester's students (学生 rows of that 学期, and those with an empty 学期), indexed by class and ID. */
export interface StudentRoster {
  readonly semester: Semester;
  readonly students: readonly Student[];
  /** Class key → student name key → students of that name in the class. */
  readonly studentsByClass: ReadonlyMap<string, ReadonlyMap<string, readonly Student[]>>;
  /** Student ID key → student (one a semester). */
  readonly studentById: ReadonlyMap<string, Student>;
  /** Class display names in roster order, by class key. */
  readonly classNames: ReadonlyMap<string, string>;
}

/** The 学生 rows kept, and for each semester (in the order given) the rows that belong to it. */
export interface StudentsRead {
  students: Student[];
  bySemester: Student[][];
}

/**
 * The 学生 rows, checked. A row belongs to the semester its 学期 names, or to every semester when 学期 is
 * empty or names none of them (a warning: nothing typed is lost). Two rows of one 学号 in a semester are
 * the one error: the later names the earlier and is left out.
 */
export function readStudents(
  parsed: ParsedTable | undefined,
  semesters: readonly Semester[],
  lang: Lang,
  findings: FindingList[],
): StudentsRead {
  const read: StudentsRead = { students: [], bySemester: semesters.map(() => []) };
  if (parsed === undefined) return read;
  const list = new FindingList(parsed);
  findings.push(list);
  const { students, bySemester } = read;
  /** Per semester: students by 学号 key, the first row of each ID. */
  const byId = semesters.map(() => new Map<string, Student>());
  const at = parsed.columnIndex;
  for (let i = 0; i < parsed.lines.length; i++) {
    const line = parsed.lines[i] ?? [];
    const row = parsed.rowNumbers[i] ?? 0;
    const name = cellText(cellAt(line, at.name));
    const className = cellText(cellAt(line, at.className));
    list.invisible(row, 'name', [name]);
    if (nameKey(name) === '') {
      list.error(row, 'name', 'NAME_MISSING');
      continue;
    }
    if (className === '') {
      list.error(row, 'className', 'CLASS_MISSING');
      continue;
    }
    const semesterText = cellText(cellAt(line, at.semester));
    // -1: every semester (学期 empty, or naming none listed).
    let only = -1;
    if (semesterText !== '') {
      const named = semesterNamed(semesters, semesterText);
      only = named === undefined ? -1 : semesters.indexOf(named);
      if (named === undefined)
        list.warning(row, 'semester', 'STUDENT_SEMESTER_UNKNOWN', {
          value: semesterText,
          semesters: semesterNames(semesters, lang),
        });
    }
    const studentId = cellText(cellAt(line, at.studentId));
    // 学号 is a student's identity: a second row with it in one semester would count one child twice, so it
    // is an error naming the first and is left out. An empty 学期 overlaps every semester.
    const idKey = nameKey(studentId);
    let first: Student | undefined;
    if (idKey !== '') {
      for (let s = 0; s < byId.length && first === undefined; s++)
        if (only === -1 || only === s) first = byId[s]?.get(idKey);
    }
    if (first !== undefined) {
      list.error(row, 'studentId', 'STUDENT_ID_DUPLICATE', {
        id: studentId,
        row: first.row,
        name: first.name,
      });
      continue;
    }
    const student: Student = {
      row,
      studentId,
      name,
      className,
      semester: semesterText,
      needsSupport: parseYesNo(cellAt(line, at.needsSupport)) ?? false,
    };
    for (let s = 0; s < bySemester.length; s++) {
      if (only !== -1 && only !== s) continue;
      bySemester[s]?.push(student);
      if (idKey !== '') byId[s]?.set(idKey, student);
    }
    students.push(student);
  }
  return read;
}

/** Students indexed by class (then name) and by 学号, with class names in roster order. */
function indexStudents(students: readonly Student[]): Omit<StudentRoster, 'semester' | 'students'> {
  const studentsByClass = new Map<string, Map<string, Student[]>>();
  const studentById = new Map<string, Student>();
  const classNames = new Map<string, string>();
  for (const s of students) {
    const classKey = nameKey(s.className);
    if (!classNames.has(classKey)) classNames.set(classKey, s.className);
    let byName = studentsByClass.get(classKey);
    if (byName === undefined) {
      byName = new Map<string, Student[]>();
      studentsByClass.set(classKey, byName);
    }
    const key = nameKey(s.name);
    const same = byName.get(key);
    if (same === undefined) byName.set(key, [s]);
    else same.push(s);
    if (s.studentId !== '' && !studentById.has(nameKey(s.studentId)))
      studentById.set(nameKey(s.studentId), s);
  }
  return { studentsByClass, studentById, classNames };
}

/** The roster of a semester (the first semester's when it is not one of the campaign's). */
export function rosterOf(rosters: Rosters, semester: Semester | undefined): StudentRoster {
  const found = rosters.semesterRosters.find((r) => r.semester === semester);
  return found ?? (rosters.semesterRosters[0] as StudentRoster);
}

/** Reads and indexes all four rosters; the students once for all semesters and once per semester. */
export function readRosters(
  tables: { units?: ParsedTable; staff?: ParsedTable; targets?: ParsedTable; students?: ParsedTable },
  settings: Settings,
  semesters: readonly Semester[],
  findings: FindingList[],
): Rosters {
  const { units, unitKeys, groupKeys } = readUnits(tables.units, settings, findings);
  const unitByKey = new Map(units.map((u) => [nameKey(u.name), u]));
  const staff = readStaff(tables.staff, unitKeys, findings);
  const targets = readTargets(tables.targets, groupKeys, findings);
  const { students, bySemester } = readStudents(tables.students, semesters, settings.language, findings);

  const staffByKey = new Map<string, Staff>();
  // The active row of a name wins over an inactive one (a teacher who left and a newcomer of that name).
  for (const s of staff) {
    const held = staffByKey.get(nameKey(s.name));
    if (held === undefined || (!held.active && s.active)) staffByKey.set(nameKey(s.name), s);
  }
  const groupMembers = new Map<string, string[]>();
  const targetByKey = new Map<string, Target>();
  const groupsOfTarget = new Map<string, string[]>();
  for (const t of targets) {
    const key = nameKey(t.name);
    const group = nameKey(t.group);
    if (!targetByKey.has(key)) targetByKey.set(key, t);
    const groups = groupsOfTarget.get(key) ?? [];
    if (!groups.includes(group)) groups.push(group);
    groupsOfTarget.set(key, groups);
    const members = groupMembers.get(group) ?? [];
    if (!members.includes(key)) members.push(key);
    groupMembers.set(group, members);
  }
  const { studentsByClass, studentById, classNames } = indexStudents(students);
  const semesterRosters = semesters.map((semester, i) => {
    const own = bySemester[i] ?? [];
    return { semester, students: own, ...indexStudents(own) };
  });
  return {
    units,
    staff,
    targets,
    students,
    unitByKey,
    staffByKey,
    groupMembers,
    targetByKey,
    groupsOfTarget,
    studentsByClass,
    studentById,
    classNames,
    semesterRosters,
  };
}

/** The distinct target name keys of a unit's groups, in roster order. */
export function membersOfUnit(rosters: Rosters, unit: Unit): string[] {
  const seen = new Set<string>();
  for (const group of unit.groups)
    for (const key of rosters.groupMembers.get(nameKey(group)) ?? []) seen.add(key);
  return [...seen];
}
