// Home visits (家访记录) read into records and checked by the rules of §4; students found in the class or by ID, in the roster of the visit's semester.
import { cellAt, cellText, type ParsedTable } from './grid';
import { nameKey } from './names';
import { FindingList } from './findings';
import { studentKey, type StudentRoster } from './rosters';
import { semesterSpans } from './semesters';
import type { HomeVisit, Student } from './schemas';
import { DuplicateFinder } from './duplicates';
import { isHomeVisitMode, parseMode } from './values';
import {
  readFollowThrough,
  checkCoVisitors,
  checkDate,
  checkWriteUp,
  creditedOf,
  IdCheck,
  ListCells,
  VisitorCheck,
  type CheckContext,
} from './check-visits';
import { isWithdrawn } from './withdrawn';

/** A student named on a home visit: by name or by student ID, in either case inside the record's class. */
export function findStudent(
  roster: Pick<StudentRoster, 'studentsByClass' | 'studentById'>,
  className: string,
  token: string,
): Student | undefined {
  const classKey = nameKey(className);
  const inClass = roster.studentsByClass.get(classKey)?.get(nameKey(token));
  if (inClass !== undefined && inClass.length > 0) return inClass[0];
  const byId = roster.studentById.get(nameKey(token));
  return byId !== undefined && nameKey(byId.className) === classKey ? byId : undefined;
}

/** The roster of the semester holding a date (a plain loop: this runs once a row). */
function rosterOfDate(rosters: readonly StudentRoster[], date: string): StudentRoster | undefined {
  for (const roster of rosters)
    if (roster.semester.start <= date && date <= roster.semester.end) return roster;
  return undefined;
}

export function checkHomeVisits(
  parsed: ParsedTable | undefined,
  ctx: CheckContext,
  findings: FindingList[],
): HomeVisit[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  const visits: HomeVisit[] = [];
  const duplicates = new DuplicateFinder();
  const semesterRosters = ctx.rosters.semesterRosters;
  const semesters = semesterRosters.map((r) => r.semester);
  let spans: string | undefined;
  const lists = new ListCells();
  const teachers = new VisitorCheck(ctx, duplicates);
  const alone = new Map<string, string[]>();
  const ids = new IdCheck('H');
  const at = parsed.columnIndex;
  const { lines, rowNumbers } = parsed;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? [];
    const row = rowNumbers[i] ?? 0;
    if (isWithdrawn(cellAt(line, at.check))) continue; // withdrawn by the person who saved it: never counted
    const before = list.errors;
    const id = cellText(cellAt(line, at.id));
    ids.check(list, row, id);
    let date = checkDate(list, row, cellAt(line, at.date), ctx);
    // The semester holding the date gives the roster its class and students are found in; a date of no
    // semester (the summer holiday) is an error naming them all, and its students are sought in any roster.
    let roster: Pick<StudentRoster, 'studentsByClass' | 'studentById'> | undefined;
    if (date !== null) roster = rosterOfDate(semesterRosters, date);
    if (date !== null && roster === undefined) {
      spans ??= semesterSpans(semesters, ctx.settings.language);
      list.error(row, 'date', 'HOME_VISIT_OUTSIDE_SEMESTER', { date, semesters: spans });
      date = null;
    }
    roster ??= ctx.rosters;
    const className = cellText(cellAt(line, at.className));
    if (className === '') list.error(row, 'className', 'CLASS_MISSING');
    const studentText = cellText(cellAt(line, at.students));
    const students = lists.split(studentText);
    if (students.length === 0) list.error(row, 'students', 'STUDENTS_MISSING');
    const counted: string[] = [];
    for (const token of students) {
      const student = className === '' ? undefined : findStudent(roster, className, token);
      if (student === undefined) {
        if (className !== '') list.error(row, 'students', 'STUDENT_NOT_IN_CLASS', { name: token, className });
        continue;
      }
      const key = studentKey(student);
      if (!counted.includes(key)) counted.push(key);
    }
    const teacher = cellText(cellAt(line, at.teacher));
    const who = teachers.check(list, row, 'teacher', teacher);
    const teacherKey = who.key;
    const coTeacherText = cellText(cellAt(line, at.coTeachers));
    const coTeachers = lists.split(coTeacherText);
    list.invisibleIn(row, 'teacher', teacher);
    list.invisibleIn(row, 'coTeachers', coTeacherText, coTeachers);
    list.invisibleIn(row, 'students', studentText, students);
    list.invisibleIn(row, 'className', className);
    const credited = checkCoVisitors(list, row, 'coTeachers', coTeachers, ctx);
    const modeText = cellText(cellAt(line, at.mode));
    const parsedMode = modeText === '' ? undefined : parseMode(modeText);
    const mode = parsedMode !== undefined && isHomeVisitMode(parsedMode) ? parsedMode : null;
    if (modeText === '') list.error(row, 'mode', 'MODE_MISSING');
    else if (mode === null) list.error(row, 'mode', 'MODE_INVALID', { value: modeText });
    if (mode === 'inPerson' && coTeachers.length === 0)
      list.warning(row, 'coTeachers', 'IN_PERSON_NO_COTEACHER');
    const earlier =
      date !== null && teacherKey !== null
        ? duplicates.checkIds(
            who.id,
            counted.map((key) => duplicates.personId(key)),
            date,
            row,
          )
        : undefined;
    const followUpOwner = cellText(cellAt(line, at.followUpOwner));
    list.invisibleIn(row, 'followUpOwner', followUpOwner);
    const { record, followUp } = checkWriteUp(list, row, cellAt(line, at.record), cellAt(line, at.followUp), {
      earlier,
      column: 'students',
    });
    const valid = list.errors === before;
    visits.push({
      row,
      id,
      date,
      className,
      students,
      teacher,
      coTeachers,
      mode,
      family: cellText(cellAt(line, at.family)),
      parentNeeds: cellText(cellAt(line, at.parentNeeds)),
      supportNeeded: cellText(cellAt(line, at.supportNeeded)),
      record,
      followUp,
      followUpOwner,
      ...readFollowThrough(list, row, line, at, ctx),
      valid,
      credited: creditedOf(teacherKey, credited, alone),
      counted,
    });
  }
  return visits;
}
