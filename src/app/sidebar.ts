// The sidebar's use cases: the one bootstrap payload, remembering who is logging, and saving a record.
import { format, texts, type Lang } from '../core/i18n/messages';
import type { Store, WorkbookPort, Clock } from './ports';
import type {
  ClassStudents,
  RememberResult,
  SaveResult,
  SidebarBootstrap,
} from '../contract/sidebar-payload';
import { logRecord, type LogVisitPorts } from './log-visit';
import { WorkbookSession } from './session';
import { sidebarTexts } from './sidebar-texts';
import { activeStaff, findStaff, personView, staffOfEmail, studentsOfClass } from './sidebar-view';
import { MY_NAME_KEY } from './who';

export interface SidebarPorts extends LogVisitPorts {
  /** Per user: who this user said they are. */
  store: Store;
}

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
    person: person === undefined ? null : personView(campaign, person, today),
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
  return { ok: true, person: personView(campaign, person, today) };
}

/**
 * One class's students (name and 学号 only, never guardian or contact), when the home-visit form moves to
 * another class; the bootstrap carries the class the form starts on. A class of no students gives none.
 */
export function classStudents(
  ports: { workbook: WorkbookPort; clock: Clock },
  className: unknown,
): ClassStudents {
  // Only 设置 and 学生 are read: one class's list needs no visits.
  const { campaign } = WorkbookSession.open(ports.workbook, ports.clock, { only: ['settings', 'students'] });
  // ClassStudents has no place for a message: a wrong type fails the call with one in the school's words
  // (the sidebar shows a failed call's message).
  if (typeof className !== 'string') throw new Error(badArgument(campaign.lang, 'className'));
  return studentsOfClass(campaign, className);
}

/** Saves one record from the sidebar (exactly one row, or none with the reasons); 进度 is refreshed after it. */
export function saveRecord(ports: SidebarPorts, input: unknown): SaveResult {
  return logRecord(ports, openSession(ports), input).result;
}
