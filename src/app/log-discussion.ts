// 讨论活动 from the sidebar: one D-n row (日期, 形式, 主题, 组织者, 参加人数, 情况记录) appended under the lock.
import { isIsoDate } from '../core/dates';
import { format, texts } from '../core/i18n/messages';
import type { FieldError } from '../core/input-errors';
import { DISCUSSION_FORMS, type DiscussionForm } from '../core/schemas';
import { discussionFormName } from '../core/values';
import { appendRecord } from './append-record';
import { actorOf, textField, type ActionOutcome } from './follow-through-action';
import type { Lock } from './ports';
import type { WorkbookSession } from './session';

export const DISCUSSION_LIMITS = { topic: 200, organiser: 50, record: 5000, attendance: 100_000 } as const;

export interface DiscussionRequest {
  date: unknown;
  /** One of DISCUSSION_FORMS. */
  form: unknown;
  topic: unknown;
  organiser: unknown;
  /** A whole number, or null / '' when not counted. */
  attendance: unknown;
  record: unknown;
  who: string;
}

/** Attendance as a whole number from 0, null when not given; undefined when it is not one. */
function attendanceOf(value: unknown): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= DISCUSSION_LIMITS.attendance ? n : undefined;
}

/** Checks the activity (a date not after today, a form of the list, a topic) and appends it as D-n. */
export function logDiscussion(
  session: WorkbookSession,
  lock: Lock,
  request: DiscussionRequest,
): ActionOutcome {
  const lang = session.lang;
  const t = texts(lang);
  const d = t.todo.discussion;
  const errors: FieldError[] = [];
  const date = typeof request.date === 'string' ? request.date.trim() : '';
  if (!isIsoDate(date)) errors.push({ field: 'date', message: t.sidebar.errors.date });
  else if (date > session.today)
    errors.push({ field: 'date', message: format(d.dateFuture, { today: session.today }) });
  const form = DISCUSSION_FORMS.find((f) => f === request.form) as DiscussionForm | undefined;
  if (form === undefined)
    errors.push({ field: 'form', message: format(t.sidebar.errors.choice, { field: d.form }) });
  const topic = textField(errors, lang, 'topic', d.topic, request.topic, DISCUSSION_LIMITS.topic, true);
  const organiserTyped = textField(
    errors,
    lang,
    'organiser',
    d.organiser,
    request.organiser,
    DISCUSSION_LIMITS.organiser,
    false,
  );
  const attendance = attendanceOf(request.attendance);
  if (attendance === undefined) errors.push({ field: 'attendance', message: d.attendanceInvalid });
  const record = textField(errors, lang, 'record', d.record, request.record, DISCUSSION_LIMITS.record, false);
  if (errors.length > 0 || form === undefined || attendance === undefined) return { ok: false, errors };
  const cells = {
    date,
    form: discussionFormName(form, lang),
    topic,
    organiser: organiserTyped || request.who,
    attendance: attendance ?? '',
    record,
  };
  return appendRecord(session, lock, 'discussions', cells, actorOf(session, request.who), d.saved);
}
