// The sidebar's use cases: the one bootstrap payload, remembering who is logging, and saving a record.
import { format, texts, type Lang } from '../core/i18n/messages';
import type { Store, WorkbookPort, Clock } from './ports';
import type {
  ClassStudents,
  FoundStudents,
  PreviewResult,
  RememberResult,
  SaveResult,
  SidebarBootstrap,
} from '../contract/sidebar-payload';
import type { TableKey } from '../core/tables';
import { initialsOf, type Initials } from './initials';
import { logRecord, previewRecord, type LogVisitPorts } from './log-visit';
import { WorkbookSession } from './session';
import { sidebarTexts } from './sidebar-texts';
import {
  activeStaff,
  findStaff,
  personView,
  staffOfEmail,
  studentOption,
  semesterRoster,
  studentsOfClass,
  visitedStudents,
} from './sidebar-view';
import { MY_NAME_KEY } from './who';

export interface SidebarPorts extends LogVisitPorts {
  /** Per user: who this user said they are. */
  store: Store;
  /** Pinyin initials of a name (the search matches them); none when absent. */
  initials?: Initials;
}

/** The tables a student list needs: the roster, and the home visits (with what judges them) for 未访. */
const STUDENT_TABLES: readonly TableKey[] = [
  'settings',
  'units',
  'staff',
  'students',
  'semesters',
  'homeVisits',
];

/** A search across classes sends at most this many students (the list asks for more letters beyond). */
export const FIND_LIMIT = 20;

/** The user-store key of the remembered person (shared with the 录入人 stamp of edit checks). */
export const PERSON_KEY = MY_NAME_KEY;

/** The session of one sidebar call, "today" being the school's date in its own time zone. */
export function openSession(ports: LogVisitPorts): WorkbookSession {
  return WorkbookSession.open(ports.workbook, ports.clock);
}

/** Everything the sidebar needs at start, in one JSON-only payload (no Date; dates as 'YYYY-MM-DD'). */
export function sidebarBootstrap(ports: SidebarPorts): SidebarBootstrap {
  const session = openSession(ports);
  const { campaign, today } = session;
  const remembered = ports.store.get(PERSON_KEY);
  const person =
    (remembered !== null ? findStaff(campaign, remembered) : undefined) ??
    staffOfEmail(campaign, ports.user.email());
  return {
    lang: campaign.lang,
    texts: sidebarTexts(campaign.lang),
    today,
    staff: activeStaff(campaign).map((s) => s.name),
    staffInitials: activeStaff(campaign).map((s) => initialsOf(ports.initials, s.name)),
    person: person === undefined ? null : personView(campaign, person, today, ports.initials),
    problem: session.structuralProblem(),
  };
}

/**
 * The message for an argument of the wrong type (an object, a number, nothing), in the school's words: such
 * a value is never turned into text (String() of {toString: 1} throws "Cannot convert object to primitive").
 */
function badArgument(lang: Lang, field: 'visitor' | 'className'): string {
  const t = texts(lang);
  return format(t.robust.badArgument, { field: t.sidebar.fields[field] });
}

/** Remembers, for this user only, who they are; returns that person's view of the form. */
export function rememberPerson(ports: SidebarPorts, name: unknown): RememberResult {
  const { campaign, today } = openSession(ports);
  if (typeof name !== 'string')
    return { ok: false, errors: [{ field: 'visitor', message: badArgument(campaign.lang, 'visitor') }] };
  const person = findStaff(campaign, name);
  if (person === undefined) {
    const message = format(texts(campaign.lang).problems.VISITOR_UNKNOWN, { name });
    return { ok: false, errors: [{ field: 'visitor', message }] };
  }
  ports.store.set(PERSON_KEY, person.name);
  return { ok: true, person: personView(campaign, person, today, ports.initials) };
}

/**
 * One class's students (name, 学号, visited this semester and initials; never guardian or contact), when the
 * home-visit form moves to another class; the bootstrap carries the class the form starts on.
 */
export function classStudents(
  ports: { workbook: WorkbookPort; clock: Clock; initials?: Initials },
  className: unknown,
): ClassStudents {
  // The visits need no reading: a class's list is its roster and who was home-visited.
  const { campaign, today } = WorkbookSession.open(ports.workbook, ports.clock, { only: STUDENT_TABLES });
  // ClassStudents has no place for a message: a wrong type fails the call with one in the school's words
  // (the sidebar shows a failed call's message).
  if (typeof className !== 'string') throw new Error(badArgument(campaign.lang, 'className'));
  return studentsOfClass(campaign, className, today, ports.initials);
}

const searchKey = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/**
 * Students of every class whose name or 学号 holds the query, or whose pinyin initials start with it
 * ("wf" finds 王芳): the not yet visited first, then roster order, at most FIND_LIMIT of them.
 */
export function findStudents(
  ports: { workbook: WorkbookPort; clock: Clock; initials?: Initials },
  query: unknown,
): FoundStudents {
  const asked = typeof query === 'string' ? query.slice(0, 50) : '';
  const wanted = searchKey(asked);
  if (wanted === '') return { query: asked, students: [], more: false };
  const { campaign, today } = WorkbookSession.open(ports.workbook, ports.clock, { only: STUDENT_TABLES });
  const visited = visitedStudents(campaign, today);
  const found = semesterRoster(campaign, today)
    .students.map((student) => ({
      ...studentOption(student, visited, ports.initials),
      className: student.className,
    }))
    .filter(
      (s) =>
        searchKey(s.name).includes(wanted) ||
        searchKey(s.id).includes(wanted) ||
        (s.initials !== '' && s.initials.startsWith(wanted)),
    );
  const ordered = [...found.filter((s) => !s.visited), ...found.filter((s) => s.visited)];
  return { query: asked, students: ordered.slice(0, FIND_LIMIT), more: ordered.length > FIND_LIMIT };
}

/** Judges a record exactly as a save would, nothing written: its errors, or the warnings to confirm first. */
export function previewSave(ports: SidebarPorts, input: unknown): PreviewResult {
  return previewRecord(openSession(ports), input);
}

/** Saves one record from the sidebar (exactly one row, or none with the reasons); 进度 is refreshed after it. */
export function saveRecord(ports: SidebarPorts, input: unknown): SaveResult {
  return logRecord(ports, openSession(ports), input).result;
}
