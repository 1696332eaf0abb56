// The sidebar's follow-through calls: 我的待办, close, convert, 献一计, 讨论活动 — each from one session, for the remembered person.
import { texts } from '../core/i18n/messages';
import type { ActionAnswer, TodoList } from '../contract/todo-payload';
import { closeFollowUp } from './close-follow-up';
import { convertToRectification } from './convert-rectification';
import { refuse, type ActionOutcome } from './follow-through-action';
import { logDiscussion } from './log-discussion';
import type { WorkbookSession } from './session';
import { openSession, PERSON_KEY, type SidebarPorts } from './sidebar';
import { findStaff, staffOfEmail } from './sidebar-view';
import { submitSuggestion } from './submit-suggestion';
import { todoList } from './todo-list';

/** A field of an argument object, whatever was sent (a wrong type is judged by the use case). */
function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The person as the bootstrap finds them (the remembered name, else the signed-in email), as the roster spells them. */
function person(ports: SidebarPorts, session: WorkbookSession): string | undefined {
  const remembered = ports.store.get(PERSON_KEY);
  const found =
    (remembered !== null ? findStaff(session.campaign, remembered) : undefined) ??
    staffOfEmail(session.campaign, ports.user.email());
  return found?.name;
}

/** Runs an action for the remembered person; the answer carries their to-do list as it now stands. */
function act(
  ports: SidebarPorts,
  run: (session: WorkbookSession, who: string) => ActionOutcome,
): ActionAnswer {
  const session = openSession(ports);
  const who = person(ports, session);
  const outcome = who === undefined ? refuse(texts(session.lang).todo.noPerson) : run(session, who);
  if (!outcome.ok || who === undefined) return outcome.ok ? { ...outcome, todo: null } : outcome;
  return { ...outcome, todo: todoList(session.campaign, who, session.today) };
}

/** 我的待办 of the remembered person (null when nobody is remembered). */
export function sidebarTodo(ports: SidebarPorts): TodoList | null {
  const session = openSession(ports);
  const who = person(ports, session);
  return who === undefined ? null : todoList(session.campaign, who, session.today);
}

export function closeFromSidebar(ports: SidebarPorts, input: unknown): ActionAnswer {
  return act(ports, (session, who) =>
    closeFollowUp(session, ports.lock, { id: field(input, 'id'), result: field(input, 'result'), who }),
  );
}

export function convertFromSidebar(ports: SidebarPorts, input: unknown): ActionAnswer {
  return act(ports, (session, who) =>
    convertToRectification(session, ports.lock, {
      id: field(input, 'id'),
      problem: field(input, 'problem'),
      owner: field(input, 'owner'),
      deadline: field(input, 'deadline'),
      confirmed: field(input, 'confirmed'),
      who,
    }),
  );
}

export function suggestFromSidebar(ports: SidebarPorts, input: unknown): ActionAnswer {
  return act(ports, (session, who) =>
    submitSuggestion(session, ports.lock, {
      title: field(input, 'title'),
      text: field(input, 'text'),
      category: field(input, 'category'),
      anonymous: field(input, 'anonymous'),
      who,
    }),
  );
}

export function discussionFromSidebar(ports: SidebarPorts, input: unknown): ActionAnswer {
  return act(ports, (session, who) =>
    logDiscussion(session, ports.lock, {
      date: field(input, 'date'),
      form: field(input, 'form'),
      topic: field(input, 'topic'),
      organiser: field(input, 'organiser'),
      attendance: field(input, 'attendance'),
      record: field(input, 'record'),
      who,
    }),
  );
}
