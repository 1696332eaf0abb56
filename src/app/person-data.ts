// A family's data on request (PIPL): every row naming a person or a student, exported; their names replaced by 已删除-n and contacts blanked.
import { dateTimeInZone } from '../core/dates';
import { cellText, type Cell, type Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { en } from '../core/i18n/en';
import { zh } from '../core/i18n/zh';
import { nameKey } from '../core/names';
import { tableOfSheet, type TableKey } from '../core/tables';
import type { WorkbookPort } from './ports';
import type { WorkbookSession } from './session';
import { logChanges } from './change-log';

/** Whose data: a staff member or target by name, or a student by 学号. */
export type Subject = { kind: 'person'; name: string } | { kind: 'student'; id: string };

/**
 * What a column holds: a name (one person), a list of names, a contact (blanked on the person's own roster
 * rows), the 学号, a class, or the students of a home visit.
 */
type Role = 'name' | 'list' | 'contact' | 'studentId' | 'className' | 'students';

/** Headers the code does not define yet but DOMAIN §2 names (a school's sheet may carry them). */
const EXTRA_HEADERS: Partial<Record<TableKey, Record<string, [string, string]>>> = {
  units: { head: ['负责人', 'Head'] },
  targets: { assignedTo: ['分管人', 'Assigned to'] },
  visits: { followUpOwner: ['跟进人', 'Follow-up owner'] },
  homeVisits: { followUpOwner: ['跟进人', 'Follow-up owner'] },
};

/** The roles of the columns of each table, by column key (person data only; others are left alone). */
const ROLES: Partial<Record<TableKey, Record<string, Role>>> = {
  units: { head: 'name' },
  staff: { name: 'name', email: 'contact' },
  targets: { name: 'name', contact: 'contact', assignedTo: 'list' },
  students: {
    studentId: 'studentId',
    name: 'name',
    className: 'className',
    guardian: 'contact',
    contact: 'contact',
  },
  visits: { visitor: 'name', coVisitors: 'list', targets: 'list', followUpOwner: 'name', enteredBy: 'name' },
  homeVisits: {
    className: 'className',
    students: 'students',
    teacher: 'name',
    coTeachers: 'list',
    followUpOwner: 'name',
    enteredBy: 'name',
  },
  rectification: { owner: 'name' },
  suggestions: { author: 'name' },
};

/** 讨论活动 (DOMAIN §2) is not a table of the code yet: known here by its sheet and 组织者 header. */
const DISCUSSION_SHEETS = ['讨论活动', 'discussion activities'];
const ORGANISER_HEADERS = ['组织者', 'organiser', 'organizer'];

/** The sheet an export writes in Sheets; erase deletes the one of its subject. */
export const EXPORT_SHEET_PREFIXES = ['个人数据导出', 'Personal data export'];

const headerKey = (text: Cell | undefined) =>
  cellText(text ?? null)
    .normalize('NFKC')
    .toLowerCase();
/** Names and contacts compare as names do (NFKC, no white space), e-mails without case. */
const matchKey = (text: string) => nameKey(text).toLowerCase();

/** Column index → role, found by header text in either language. */
function columnRoles(sheet: string, header: readonly Cell[]): Map<number, Role> {
  const roles = new Map<number, Role>();
  const table = tableOfSheet(sheet);
  const wanted = new Map<string, Role>();
  if (table !== undefined) {
    for (const [key, role] of Object.entries(ROLES[table] ?? {})) {
      const extra = EXTRA_HEADERS[table]?.[key];
      const names = extra ?? [
        (zh.columns[table] as Record<string, string>)[key] ?? '',
        (en.columns[table] as Record<string, string>)[key] ?? '',
      ];
      for (const n of names) if (n !== '') wanted.set(headerKey(n), role);
    }
  } else if (DISCUSSION_SHEETS.includes(headerKey(sheet))) {
    for (const n of ORGANISER_HEADERS) wanted.set(n, 'name');
  }
  header.forEach((cell, c) => {
    const role = wanted.get(headerKey(cell));
    if (role !== undefined && !roles.has(c)) roles.set(c, role);
  });
  return roles;
}

/** A list cell's entries and the separators between them, so one entry can be replaced in place. */
function splitKeeping(text: string): string[] {
  return text.split(/([、,，;；\n\r]+)/u);
}

/**
 * The cell with each entry `replace` gives a value for replaced ('' removes the entry and one separator);
 * undefined when no entry matches.
 */
function replaceEntries(text: string, replace: (entry: string) => string | undefined): string | undefined {
  const parts = splitKeeping(text);
  let changed = false;
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const entry = parts[i] ?? '';
    const sep = parts[i - 1];
    const trimmed = entry.trim();
    const by = trimmed === '' ? undefined : replace(trimmed);
    if (by === undefined) {
      if (sep !== undefined && kept.length > 0) kept.push(sep);
      kept.push(entry);
      continue;
    }
    changed = true;
    if (by === '') continue;
    if (sep !== undefined && kept.length > 0) kept.push(sep);
    kept.push(entry.replace(trimmed, by));
  }
  return changed ? kept.join('') : undefined;
}

export interface CellChange {
  sheet: string;
  /** The sheet's row number (the header is row 1). */
  row: number;
  /** 0-based. */
  column: number;
  before: Cell;
  after: Cell;
}

export interface SheetRows {
  sheet: string;
  header: Cell[];
  /** The rows naming the subject, as they stand, with their row numbers. */
  rows: { row: number; cells: Cell[] }[];
  /** Cells erase would change on this sheet. */
  changes: number;
}

/** What the person or student is in the workbook: the kind the change log names (never the name). */
export type SubjectKind = 'staff' | 'target' | 'staffAndTarget' | 'student' | 'other';

export interface PersonDataPlan {
  subject: Subject;
  kind: SubjectKind;
  /** The name every erased name cell gets: 已删除-n, n the next number free in the workbook. */
  marker: string;
  /** Sheets with rows naming the subject, in tab order. */
  sheets: SheetRows[];
  changes: CellChange[];
  /** Export sheets of an earlier request about this subject (deleted by erase). */
  exportSheets: string[];
  /** Home visits of a class where another student bears the same name: left alone, told. */
  ambiguous: number;
}

/** The marker of erased names: 已删除-n (Deleted-n in an English workbook). */
export function markerOf(lang: Lang, n: number): string {
  return format(texts(lang).personData.marker, { n });
}

const MARKER_PATTERNS = [/^已删除-(\d+)$/u, /^Deleted-(\d+)$/iu];

/** The name an export sheet gets in Sheets. */
export function exportSheetName(lang: Lang, subject: Subject): string {
  return format(texts(lang).personData.exportSheet, { who: subjectText(subject) });
}

export function subjectText(subject: Subject): string {
  return subject.kind === 'person' ? subject.name.trim() : subject.id.trim();
}

/** Every sheet of the workbook as a grid: the session's record sheets as read, the others read once here. */
function allSheets(session: WorkbookSession): { name: string; grid: Grid }[] {
  const wb = session.workbook;
  return wb.sheetNames().map((name) => ({
    name,
    grid: session.sheets.find((s) => s.name === name)?.grid ?? wb.read(name) ?? [],
  }));
}

const isExportSheet = (name: string) => EXPORT_SHEET_PREFIXES.some((p) => name.startsWith(p));

/**
 * Finds every row that names the subject, in every sheet, and what erase would change.
 * A person: every name or list-of-names column of the rosters and records (人员, 走访对象 and its 分管人,
 * 部门指标 负责人, 走访人, 同行人, 走访对象, 跟进人, 录入人, 家访教师, 协同教师, 责任人, 提出人, 组织者), an entry equal to the
 * name or to one of the person's contacts (their 邮箱 is the 录入人 Sheets stamps); in any other sheet
 * (进度, 月报, 发送日志, 修改日志, a school's own) every cell, entry by entry. Their roster rows' contact cells are
 * blanked. A student: 学生 rows with that 学号 (every semester's), home visits naming them by 学号 or by name
 * in a class they are in, and any other sheet's cell holding the 学号.
 */
export function findPersonData(session: WorkbookSession, subject: Subject): PersonDataPlan {
  const lang = session.lang;
  const sheets = allSheets(session);
  const key = matchKey(subjectText(subject));
  let max = 0;
  for (const { grid } of sheets)
    for (const line of grid)
      for (const cell of line) {
        if (typeof cell !== 'string') continue;
        for (const p of MARKER_PATTERNS) {
          const m = p.exec(cell.trim());
          if (m) max = Math.max(max, Number(m[1]));
        }
      }
  const marker = markerOf(lang, max + 1);
  const plan: PersonDataPlan = {
    subject,
    kind: subject.kind === 'student' ? 'student' : 'other',
    marker,
    sheets: [],
    changes: [],
    exportSheets: [],
    ambiguous: 0,
  };
  if (key === '') return plan;
  const exportName = exportSheetName(lang, subject);
  const work = sheets.filter((s) => {
    if (!isExportSheet(s.name)) return true;
    if (s.name === exportName) plan.exportSheets.push(s.name);
    return false;
  });
  if (subject.kind === 'person') findPerson(work, key, plan);
  else findStudent(work, key, plan);
  return plan;
}

type Sheet = { name: string; grid: Grid };

function addRow(plan: PersonDataPlan, sheet: Sheet, r: number, changes: CellChange[]): void {
  let entry = plan.sheets.find((s) => s.sheet === sheet.name);
  if (entry === undefined) {
    entry = { sheet: sheet.name, header: [...(sheet.grid[0] ?? [])], rows: [], changes: 0 };
    plan.sheets.push(entry);
  }
  entry.rows.push({ row: r + 1, cells: [...(sheet.grid[r] ?? [])] });
  entry.changes += changes.length;
  plan.changes.push(...changes);
}

/** 学生's 监护人 column as a name column (for a person request). */
function guardianRole(sheet: Sheet): Map<number, Role> {
  const wanted = [zh.columns.students.guardian, en.columns.students.guardian].map(headerKey);
  const c = (sheet.grid[0] ?? []).findIndex((h) => wanted.includes(headerKey(h)));
  return new Map<number, Role>(c < 0 ? [] : [[c, 'name']]);
}

function findPerson(sheets: Sheet[], key: string, plan: PersonDataPlan): void {
  // The person's contacts (their 邮箱, a target's 联系方式) are names of them too: 录入人 holds the e-mail.
  const contacts = new Set<string>();
  let staff = false;
  let target = false;
  for (const s of sheets) {
    const roles = columnRoles(s.name, s.grid[0] ?? []);
    const table = tableOfSheet(s.name);
    if (table !== 'staff' && table !== 'targets') continue;
    const nameCol = [...roles].find(([, r]) => r === 'name')?.[0];
    if (nameCol === undefined) continue;
    for (const line of s.grid.slice(1)) {
      if (matchKey(cellText(line[nameCol] ?? null)) !== key) continue;
      if (table === 'staff') staff = true;
      else target = true;
      for (const [c, r] of roles)
        if (r === 'contact' && cellText(line[c] ?? null) !== '')
          contacts.add(matchKey(cellText(line[c] ?? null)));
    }
  }
  plan.kind = staff && target ? 'staffAndTarget' : staff ? 'staff' : target ? 'target' : 'other';
  const replace = (entry: string) => {
    const k = matchKey(entry);
    return k === key || contacts.has(k) ? plan.marker : undefined;
  };
  for (const s of sheets) {
    const table = tableOfSheet(s.name);
    // 设置 names no one but its report recipients' e-mails: a recipient's entry is removed from the list.
    // 学生 names students, never staff or targets: only its 监护人 may be the person (a parent on 家委会).
    const roles =
      table === 'settings'
        ? new Map<number, Role>()
        : table === 'students'
          ? guardianRole(s)
          : columnRoles(s.name, s.grid[0] ?? []);
    const known = table !== undefined || roles.size > 0;
    for (let r = 1; r < s.grid.length; r++) {
      const line = s.grid[r] ?? [];
      const changes: CellChange[] = [];
      let named = false;
      line.forEach((cell, c) => {
        const role = roles.get(c);
        const text = cellText(cell);
        if (text === '') return;
        if (table === 'settings') {
          const after = replaceEntries(text, (e) => (contacts.has(matchKey(e)) ? '' : undefined));
          if (after !== undefined)
            changes.push({ sheet: s.name, row: r + 1, column: c, before: cell, after });
          return;
        }
        if (known && role !== 'name' && role !== 'list') return;
        const after = replaceEntries(text, replace);
        if (after === undefined) return;
        named = true;
        changes.push({ sheet: s.name, row: r + 1, column: c, before: cell, after });
      });
      // A roster row of the person: their contact cells are blanked too.
      const own =
        (table === 'staff' || table === 'targets') &&
        [...roles].some(([c, role]) => role === 'name' && matchKey(cellText(line[c] ?? null)) === key);
      if (own)
        for (const [c, role] of roles)
          if (role === 'contact' && cellText(line[c] ?? null) !== '')
            changes.push({ sheet: s.name, row: r + 1, column: c, before: line[c] ?? null, after: null });
      if (named || changes.length > 0) addRow(plan, s, r, changes);
    }
  }
}

function findStudent(sheets: Sheet[], idKey: string, plan: PersonDataPlan): void {
  const studentSheet = sheets.find((s) => tableOfSheet(s.name) === 'students');
  /** class key → the student's name keys in it. */
  const named = new Map<string, Set<string>>();
  /** class key → name keys other students of the class bear. */
  const others = new Map<string, Set<string>>();
  if (studentSheet !== undefined) {
    const roles = columnRoles(studentSheet.name, studentSheet.grid[0] ?? []);
    const col = (role: Role) => [...roles].find(([, r]) => r === role)?.[0];
    const [idCol, nameCol, classCol] = [col('studentId'), col('name'), col('className')];
    for (const line of studentSheet.grid.slice(1)) {
      const at = (c: number | undefined) => (c === undefined ? '' : cellText(line[c] ?? null));
      const classKey = nameKey(at(classCol));
      const into = matchKey(at(idCol)) === idKey ? named : others;
      const set = into.get(classKey) ?? new Set<string>();
      set.add(matchKey(at(nameCol)));
      into.set(classKey, set);
    }
  }
  let ambiguous = 0;
  for (const s of sheets) {
    const table = tableOfSheet(s.name);
    if (table === 'settings') continue;
    const roles = columnRoles(s.name, s.grid[0] ?? []);
    const col = (role: Role) => [...roles].find(([, r]) => r === role)?.[0];
    for (let r = 1; r < s.grid.length; r++) {
      const line = s.grid[r] ?? [];
      const changes: CellChange[] = [];
      const change = (c: number, after: Cell) =>
        changes.push({ sheet: s.name, row: r + 1, column: c, before: line[c] ?? null, after });
      let hit = false;
      if (table === 'students') {
        const idCol = col('studentId');
        if (idCol === undefined || matchKey(cellText(line[idCol] ?? null)) !== idKey) continue;
        hit = true;
        for (const [c, role] of roles) {
          if (cellText(line[c] ?? null) === '') continue;
          if (role === 'name') change(c, plan.marker);
          if (role === 'contact') change(c, null);
        }
      } else if (table === 'homeVisits') {
        const studentsCol = col('students');
        if (studentsCol === undefined) continue;
        const classKey = nameKey(cellText(line[col('className') ?? -1] ?? null));
        const names = named.get(classKey);
        const clash = names !== undefined && [...names].some((n) => others.get(classKey)?.has(n));
        const text = cellText(line[studentsCol] ?? null);
        const after = replaceEntries(text, (e) => {
          const k = matchKey(e);
          if (k === idKey) return e; // the 学号 stays (the school's own number; it keeps the count)
          if (names?.has(k) === true && !clash) return plan.marker;
          return undefined;
        });
        if (clash && splitKeeping(text).some((e) => names?.has(matchKey(e.trim())) === true)) ambiguous++;
        if (after === undefined) continue;
        hit = true;
        if (after !== text) change(studentsCol, after);
      } else if (table === undefined) {
        // 进度, 月报, 发送日志, 修改日志, a school's own sheet: a cell holding the 学号.
        line.forEach((cell) => {
          if (replaceEntries(cellText(cell), (e) => (matchKey(e) === idKey ? e : undefined)) !== undefined)
            hit = true;
        });
      }
      if (hit) addRow(plan, s, r, changes);
    }
  }
  plan.ambiguous = ambiguous;
  if (named.size === 0) plan.kind = 'other';
}

/** The grids an export writes: each sheet's header and the rows naming the subject. */
export function exportGrids(plan: PersonDataPlan): { sheet: string; grid: Grid }[] {
  return plan.sheets.map((s) => ({ sheet: s.sheet, grid: [s.header, ...s.rows.map((r) => r.cells)] }));
}

/** Cells changed per sheet, in tab order ("人员 2、走访记录 5"). */
export function changesBySheet(plan: PersonDataPlan, lang: Lang): string {
  const sep = lang === 'en' ? ', ' : '、';
  return plan.sheets
    .filter((s) => s.changes > 0)
    .map((s) => `${s.sheet} ${s.changes}`)
    .join(sep);
}

/** Applies the plan's changes: one column write per run of consecutive rows. */
function applyChanges(wb: WorkbookPort, changes: readonly CellChange[]): void {
  const byColumn = new Map<string, CellChange[]>();
  for (const ch of changes) {
    const k = `${ch.sheet}\u0000${ch.column}`;
    byColumn.set(k, [...(byColumn.get(k) ?? []), ch]);
  }
  for (const list of byColumn.values()) {
    const sorted = [...list].sort((a, b) => a.row - b.row);
    let run: CellChange[] = [];
    const flush = () => {
      const first = run[0];
      if (first !== undefined)
        wb.writeColumn(
          first.sheet,
          first.column,
          first.row,
          run.map((c) => c.after),
        );
      run = [];
    };
    for (const ch of sorted) {
      const last = run[run.length - 1];
      if (last !== undefined && ch.row !== last.row + 1) flush();
      run.push(ch);
    }
    flush();
  }
}

/** The one 修改日志 line of an erase: who ran it, when, what kind of person and how many cells — never the name. */
function logErasure(session: WorkbookSession, who: string, plan: PersonDataPlan): void {
  const lang = session.lang;
  const p = texts(lang).personData;
  const sheets = plan.sheets.filter((s) => s.changes > 0).map((s) => s.sheet);
  logChanges(session.workbook, lang, [
    {
      time: dateTimeInZone(session.now, session.settings.timeZone),
      who,
      sheet: sheets.join(lang === 'en' ? ', ' : '、'),
      id: plan.marker,
      note: format(p.logLine, { kind: p.kinds[plan.kind], cells: plan.changes.length, marker: plan.marker }),
    },
  ]);
}

export interface EraseResult {
  plan: PersonDataPlan;
  /** Cells changed (0 when nothing named the subject). */
  cells: number;
}

/**
 * Erases the subject (the caller holds the workbook's lock): every planned cell written, an earlier export
 * sheet of the subject deleted, one line logged. Nothing is written when nothing names the subject.
 */
export function erasePersonData(session: WorkbookSession, subject: Subject, who: string): EraseResult {
  const plan = findPersonData(session, subject);
  if (plan.changes.length === 0 && plan.exportSheets.length === 0) return { plan, cells: 0 };
  applyChanges(session.workbook, plan.changes);
  for (const sheet of plan.exportSheets) session.workbook.deleteSheet(sheet);
  logErasure(session, who, plan);
  return { plan, cells: plan.changes.length };
}

/** Parses what a person typed in the menu's prompt: a 学号-looking text is a student, else a name. */
export function subjectOfTyped(kind: 'person' | 'student', typed: string): Subject | undefined {
  const text = typed.trim();
  if (text === '') return undefined;
  return kind === 'person' ? { kind, name: text } : { kind, id: text };
}
