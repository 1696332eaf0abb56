// The new school year: the current semester's 学生 rows copied for the new semester, each class a grade up (under the lock, logged).
import { dateTimeInZone } from '../core/dates';
import { cellAt, cellText, isEmptyCell, parseGrid, type Cell } from '../core/grid';
import { format, texts } from '../core/i18n/messages';
import { nameKey } from '../core/names';
import type { Semester } from '../core/schemas';
import { moveUpRoster, startsSchoolYear } from '../core/school-year';
import { semesterNamed } from '../core/semesters';
import { logChanges, type ChangeEntry } from './change-log';
import { runsOf, writeRuns, type Run } from './column-runs';
import type { WorkbookSession } from './session';

/** Which semesters: by name as on the 学期 sheet; left out, the defaults (see chooseSemesters). */
export interface NewYearChoice {
  from?: string;
  to?: string;
}

/** What starting the new year will do, worked out on the session's grids; nothing written. */
export interface NewYearPlan {
  from: Semester;
  to: Semester;
  sheet: string;
  /** Students of the current roster (学期 = from, or empty). */
  students: number;
  staying: number;
  leaving: number;
  /** Class names whose grade could not be read (copied unchanged). */
  unreadable: string[];
  /** Sheet rows (1-based) of the current roster whose 学期 is empty: filled with from's name. */
  fill: number[];
  /** The new rows, in the sheet's column order. */
  rows: Cell[][];
  /** The 学期 column (0-based) and its header as found. */
  semesterColumn: number;
  semesterHeader: string;
  /** The sheet's last row as read (the new rows go after it). */
  lastRow: number;
}

export type NewYearOutcome = { ok: true; plan: NewYearPlan } | { ok: false; message: string };

/** One student of the current roster, as read: its row and cells, and its class (the part moved up). */
interface RosterLine {
  row: number;
  line: readonly Cell[];
  className: string;
}

/**
 * The semesters of the move-up. `to` (default): the first semester on the 学期 sheet that starts a school
 * year (starts in August–October) and is not over by today. `from` (default): the last semester starting
 * before it. 设置's stand-in semester (no 学期 rows) is never one of them.
 */
function chooseSemesters(
  session: WorkbookSession,
  choice: NewYearChoice,
): { from: Semester; to: Semester } | string {
  const t = texts(session.lang).schoolYear;
  const listed = session.campaign.semesters.filter((s) => s.row > 0);
  if (listed.length === 0) return t.noSemesters;
  const named = (name: string) => semesterNamed(listed, name);
  let to: Semester | undefined;
  if (choice.to !== undefined) {
    to = named(choice.to);
    if (to === undefined) return format(t.unknownSemester, { name: choice.to });
  } else {
    to = listed.find((s) => startsSchoolYear(s.start) && s.end >= session.today);
    if (to === undefined) return t.noNewSemester;
  }
  const target = to;
  let from: Semester | undefined;
  if (choice.from !== undefined) {
    from = named(choice.from);
    if (from === undefined) return format(t.unknownSemester, { name: choice.from });
  } else {
    from = listed.filter((s) => s.start < target.start).pop();
    if (from === undefined) return format(t.noPrevious, { to: target.name });
  }
  if (from.start >= to.start) return format(t.notAfter, { from: from.name, to: to.name });
  return { from, to };
}

/** Plans the move-up on the session's grids as they stand (read again under the lock before doing it). */
export function planNewSchoolYear(session: WorkbookSession, choice: NewYearChoice = {}): NewYearOutcome {
  const lang = session.lang;
  const t = texts(lang).schoolYear;
  const sheet = session.sheetOf('students');
  if (sheet === undefined) return { ok: false, message: t.noStudentSheet };
  const parsed = parseGrid('students', sheet.name, sheet.grid);
  const at = parsed.columnIndex;
  if (at.semester === undefined)
    return { ok: false, message: format(t.noSemesterColumn, { sheet: sheet.name }) };
  const chosen = chooseSemesters(session, choice);
  if (typeof chosen === 'string') return { ok: false, message: chosen };
  const { from, to } = chosen;
  const semesterKey = (line: readonly Cell[]) => nameKey(cellText(cellAt(line, at.semester)));
  const roster: RosterLine[] = [];
  let already = 0;
  parsed.lines.forEach((line, i) => {
    const key = semesterKey(line);
    if (key === nameKey(to.name)) already++;
    else if (key === '' || key === nameKey(from.name))
      roster.push({ row: parsed.rowNumbers[i] ?? 0, line, className: cellText(cellAt(line, at.className)) });
  });
  if (already > 0) return { ok: false, message: format(t.alreadyHasRows, { count: already, to: to.name }) };
  if (roster.length === 0) return { ok: false, message: format(t.emptyRoster, { from: from.name }) };
  const moved = moveUpRoster(roster);
  const width = Math.max(sheet.grid[0]?.length ?? 0, ...Object.values(at).map((c) => c + 1));
  const copied = ['studentId', 'name', 'guardian', 'contact', 'needsSupport'] as const;
  const rows = moved.rows.map((student) => {
    const row: Cell[] = Array.from({ length: width }, () => null);
    for (const key of copied) {
      const c = at[key];
      if (c !== undefined) row[c] = cellAt(student.line, c);
    }
    if (at.className !== undefined) row[at.className] = student.className;
    row[at.semester!] = to.name;
    return row;
  });
  return {
    ok: true,
    plan: {
      from,
      to,
      sheet: sheet.name,
      students: roster.length,
      staying: moved.rows.length,
      leaving: moved.leaving.length,
      unreadable: moved.unreadable,
      fill: roster.filter((s) => isEmptyCell(cellAt(s.line, at.semester))).map((s) => s.row),
      rows,
      semesterColumn: at.semester,
      semesterHeader: parsed.headers.semester ?? '',
      lastRow: sheet.grid.length,
    },
  };
}

/** The plan in words: what will be copied, who leaves, what is filled, which classes need a hand. */
export function planText(session: WorkbookSession, plan: NewYearPlan): string {
  const t = texts(session.lang).schoolYear;
  const names = { from: plan.from.name, to: plan.to.name };
  const lines = [
    format(t.plan, { ...names, students: plan.students, staying: plan.staying, leaving: plan.leaving }),
  ];
  if (plan.fill.length > 0) lines.push(format(t.planFill, { ...names, count: plan.fill.length }));
  if (plan.unreadable.length > 0)
    lines.push(
      format(t.planUnreadable, {
        count: plan.unreadable.length,
        classes: plan.unreadable.join(session.lang === 'en' ? ', ' : '、'),
      }),
    );
  lines.push(t.planAfter);
  return lines.join('\n');
}

/**
 * The empty 学期 cells filled with one write per run of rows; with more than a few runs, one write over the
 * span when every other cell in it was read without a formula (written back as read, it loses nothing).
 */
function fillSemesters(session: WorkbookSession, plan: NewYearPlan): void {
  const wb = session.workbook;
  const runs = runsOf(plan.fill.map((row) => ({ row, value: plan.from.name })));
  const first = runs[0]?.firstRow;
  const last = plan.fill[plan.fill.length - 1];
  if (first === undefined || last === undefined) return;
  if (runs.length <= 4) {
    writeRuns(wb, plan.sheet, plan.semesterColumn, runs);
    return;
  }
  const formulas = wb.formulaCells?.(plan.sheet, plan.semesterColumn, first, last - first + 1) ?? [];
  if (formulas.some((f) => f)) {
    writeRuns(wb, plan.sheet, plan.semesterColumn, runs);
    return;
  }
  const grid = session.gridOf(plan.sheet);
  const filled = new Set(plan.fill);
  const span: Run = { firstRow: first, values: [] };
  for (let row = first; row <= last; row++)
    span.values.push(filled.has(row) ? plan.from.name : (grid[row - 1]?.[plan.semesterColumn] ?? null));
  writeRuns(wb, plan.sheet, plan.semesterColumn, [span]);
}

export interface NewYearResult {
  plan: NewYearPlan;
  /** The first and last new rows. */
  first: number;
  last: number;
}

/**
 * Starts the new school year (the caller holds the workbook's lock): the 学生 sheet read again, the plan made
 * on it, the new rows appended in one append, the empty 学期 cells of the current roster filled, and the whole
 * logged in 修改日志 (one line for the rows, one per filled cell). A refusal writes nothing.
 */
export function startNewSchoolYear(
  session: WorkbookSession,
  who: string,
  choice: NewYearChoice = {},
): NewYearResult | { ok: false; message: string } {
  const sheet = session.sheetOf('students');
  if (sheet !== undefined) session.reread(sheet.name);
  const outcome = planNewSchoolYear(session, choice);
  if (!outcome.ok) return outcome;
  const { plan } = outcome;
  const lang = session.lang;
  const t = texts(lang).schoolYear;
  const first = session.workbook.append(plan.sheet, plan.rows, plan.lastRow);
  const last = first + plan.rows.length - 1;
  fillSemesters(session, plan);
  const time = dateTimeInZone(session.now, session.settings.timeZone);
  const column = plan.semesterHeader;
  const entries: ChangeEntry[] = [
    {
      time,
      who,
      sheet: plan.sheet,
      id: '',
      note: format(t.logAppend, {
        from: plan.from.name,
        to: plan.to.name,
        count: plan.rows.length,
        first,
        last,
        leaving: plan.leaving,
      }),
    },
    ...plan.fill.map((row) => ({
      time,
      who,
      sheet: plan.sheet,
      id: '',
      row,
      column,
      before: '',
      after: plan.from.name,
      note: format(t.logFill, { from: plan.from.name }),
    })),
  ];
  logChanges(session.workbook, lang, entries);
  return { plan, first, last };
}

/** The line said when it is done. */
export function doneText(session: WorkbookSession, result: NewYearResult): string {
  const t = texts(session.lang).schoolYear;
  const { plan } = result;
  return format(t.done, {
    to: plan.to.name,
    count: plan.rows.length,
    first: result.first,
    last: result.last,
    leaving: plan.leaving,
    filled:
      plan.fill.length > 0 ? format(t.doneFilled, { count: plan.fill.length, from: plan.from.name }) : '',
  });
}
