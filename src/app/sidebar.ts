// The sidebar's use cases: the one bootstrap payload, remembering who is logging, and saving a record.
import { loadCampaign, problemsOf } from '../core/engine';
import { format, texts } from '../core/i18n/messages';
import type { Campaign } from '../core/model';
import type { IsoDate } from '../core/dates';
import type { Clock, Store, WorkbookPort } from './ports';
import { readSheets } from './read';
import { schoolToday } from './today';
import { MY_NAME_KEY } from './who';
import { logRecord, type LogVisitPorts } from './log-visit';
import type {
  ClassStudents,
  RememberResult,
  SaveResult,
  SidebarBootstrap,
} from '../contract/sidebar-payload';
import { sidebarTexts } from './sidebar-texts';
import { activeStaff, findStaff, personView, staffOfEmail, studentsOfClass } from './sidebar-view';

export interface SidebarPorts extends LogVisitPorts {
  /** Per user: who this user said they are. */
  store: Store;
}

/** The user-store key of the remembered person (shared with the 录入人 stamp of edit checks). */
export const PERSON_KEY = MY_NAME_KEY;

/** The campaign as of now, "today" being the school's date in its own time zone. */
export function loadNow(ports: { workbook: WorkbookPort; clock: Clock }): {
  campaign: Campaign;
  today: IsoDate;
} {
  const sheets = readSheets(ports.workbook);
  const today = schoolToday(sheets, ports.clock.now());
  return { campaign: loadCampaign(sheets, today), today };
}

/** Structural problems (a missing sheet or required column) in words, or null. */
function workbookProblem(campaign: Campaign): string | null {
  if (campaign.structural.length === 0) return null;
  return problemsOf(campaign, campaign.structural)
    .map((p) => p.message)
    .join(campaign.lang === 'en' ? '; ' : '；');
}

/** Everything the sidebar needs at start, in one JSON-only payload (no Date; dates as 'YYYY-MM-DD'). */
export function sidebarBootstrap(ports: SidebarPorts): SidebarBootstrap {
  const { campaign, today } = loadNow(ports);
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
    problem: workbookProblem(campaign),
  };
}

/** Remembers, for this user only, who they are; returns that person's view of the form. */
export function rememberPerson(ports: SidebarPorts, name: unknown): RememberResult {
  const { campaign, today } = loadNow(ports);
  const person = typeof name === 'string' ? findStaff(campaign, name) : undefined;
  if (person === undefined) {
    const message = format(texts(campaign.lang).problems.VISITOR_UNKNOWN, { name: String(name ?? '') });
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
  const { campaign } = loadNow(ports);
  return studentsOfClass(campaign, typeof className === 'string' ? className : '');
}

/** Saves one record from the sidebar (exactly one row, or none with the reasons); 进度 is refreshed after it. */
export function saveRecord(ports: SidebarPorts, input: unknown): SaveResult {
  return logRecord(ports, input).result;
}
