// Home visits (家访记录) read into records and checked by the rules of §4; students found in the record's class or by ID.
import { cellText, type ParsedTable } from './grid';
import { nameKey, splitList } from './names';
import { FindingList } from './findings';
import { studentKey, type Rosters } from './rosters';
import type { HomeVisit, Student } from './schemas';
import { DuplicateFinder } from './duplicates';
import { isHomeVisitMode, parseMode } from './values';
import {
  checkCoVisitors,
  checkDate,
  checkVisitor,
  checkWriteUp,
  creditedOf,
  type CheckContext,
} from './check-visits';
import { isWithdrawn } from './withdrawn';

/** A student named on a home visit: by name or by student ID, in either case inside the record's class. */
export function findStudent(rosters: Rosters, className: string, token: string): Student | undefined {
  const classKey = nameKey(className);
  const inClass = rosters.studentsByClass.get(classKey)?.get(nameKey(token));
  if (inClass !== undefined && inClass.length > 0) return inClass[0];
  const byId = rosters.studentById.get(nameKey(token));
  return byId !== undefined && nameKey(byId.className) === classKey ? byId : undefined;
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
  const { semesterStart, semesterEnd } = ctx.settings;
  for (const { row, cells } of parsed.rows) {
    if (isWithdrawn(cells)) continue; // withdrawn by the person who saved it: no findings, never counted
    const before = list.errors;
    let date = checkDate(list, row, cells.date, ctx);
    if (date !== null && (date < semesterStart || date > semesterEnd)) {
      list.error(row, 'date', 'HOME_VISIT_OUTSIDE_SEMESTER', {
        date,
        start: semesterStart,
        end: semesterEnd,
      });
      date = null;
    }
    const className = cellText(cells.className);
    if (className === '') list.error(row, 'className', 'CLASS_MISSING');
    const students = splitList(cellText(cells.students));
    if (students.length === 0) list.error(row, 'students', 'STUDENTS_MISSING');
    const counted: string[] = [];
    for (const token of students) {
      const student = className === '' ? undefined : findStudent(ctx.rosters, className, token);
      if (student === undefined) {
        if (className !== '') list.error(row, 'students', 'STUDENT_NOT_IN_CLASS', { name: token, className });
        continue;
      }
      const key = studentKey(student);
      if (!counted.includes(key)) counted.push(key);
    }
    const teacher = cellText(cells.teacher);
    const teacherKey = checkVisitor(list, row, 'teacher', teacher, ctx);
    const coTeachers = splitList(cellText(cells.coTeachers));
    const credited = checkCoVisitors(list, row, 'coTeachers', coTeachers, ctx);
    const modeText = cellText(cells.mode);
    const parsedMode = modeText === '' ? undefined : parseMode(modeText);
    const mode = parsedMode !== undefined && isHomeVisitMode(parsedMode) ? parsedMode : null;
    if (modeText === '') list.error(row, 'mode', 'MODE_MISSING');
    else if (mode === null) list.error(row, 'mode', 'MODE_INVALID', { value: modeText });
    if (mode === 'inPerson' && coTeachers.length === 0)
      list.warning(row, 'coTeachers', 'IN_PERSON_NO_COTEACHER');
    const { record, followUp } = checkWriteUp(list, row, cells, {
      duplicates,
      person: teacherKey,
      date,
      counted,
      column: 'students',
    });
    const valid = list.errors === before;
    visits.push({
      row,
      id: cellText(cells.id),
      date,
      className,
      students,
      teacher,
      coTeachers,
      mode,
      family: cellText(cells.family),
      parentNeeds: cellText(cells.parentNeeds),
      supportNeeded: cellText(cells.supportNeeded),
      record,
      followUp,
      valid,
      credited: creditedOf(teacherKey, credited),
      counted,
    });
  }
  return visits;
}
