// The sidebar's use cases: the one bootstrap payload, remembering who is logging, and saving a record.
import { problemsOf } from '../core/engine';
import { format, texts } from '../core/i18n/messages';
import type { Campaign } from '../core/model';
import type { IsoDate } from '../core/dates';
import type { Clock, Lock, Store, UserInfo, WorkbookPort } from './ports';
import { readSheets } from './read';
import { loadCampaignNow } from './load-today';
import { logRecord } from './log-visit';
import type { RememberResult, SaveResult, SidebarBootstrap } from './sidebar-payload';
import { sidebarTexts } from './sidebar-texts';
import { activeStaff, findStaff, personView, staffOfEmail } from './sidebar-view';

export interface SidebarPorts {
  workbook: WorkbookPort;
  lock: Lock;
  /** Per user: who this user said they are. */
  store: Store;
  user: UserInfo;
  clock: Clock;
  /** Brings the status sheet (进度) up to date after a save, from the campaign as it now stands. */
  refreshStatus?: (campaign: Campaign, today: IsoDate) => void;
}

/** The user-store key of the remembered person. */
export const PERSON_KEY = 'sidebar.person';

/** Structural problems (a missing sheet or required column) in words, or null. */
function workbookProblem(campaign: Campaign): string | null {
  if (campaign.structural.length === 0) return null;
  return problemsOf(campaign, campaign.structural)
    .map((p) => p.message)
    .join(campaign.lang === 'en' ? '; ' : '；');
}

/** Everything the sidebar needs at start, in one JSON-only payload (no Date; dates as 'YYYY-MM-DD'). */
export function sidebarBootstrap(ports: SidebarPorts): SidebarBootstrap {
  const { campaign, today } = loadCampaignNow(readSheets(ports.workbook), ports.clock.now());
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
  const { campaign, today } = loadCampaignNow(readSheets(ports.workbook), ports.clock.now());
  const person = typeof name === 'string' ? findStaff(campaign, name) : undefined;
  if (person === undefined) {
    const message = format(texts(campaign.lang).problems.VISITOR_UNKNOWN, { name: String(name ?? '') });
    return { ok: false, errors: [{ field: 'visitor', message }] };
  }
  ports.store.set(PERSON_KEY, person.name);
  return { ok: true, person: personView(campaign, person, today) };
}

/** Saves one record from the sidebar (exactly one row, or none with the reasons), then refreshes 进度. */
export function saveRecord(ports: SidebarPorts, input: unknown): SaveResult {
  const outcome = logRecord(ports, input);
  if (outcome.result.ok && outcome.campaign !== undefined && ports.refreshStatus)
    ports.refreshStatus(outcome.campaign, outcome.today);
  return outcome.result;
}
