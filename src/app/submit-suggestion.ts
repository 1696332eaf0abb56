// 献一计: a suggestion from the sidebar appended to 献计 as S-n (date today, author or 匿名, title, text, category).
import { texts } from '../core/i18n/messages';
import type { FieldError } from '../core/input-errors';
import { adoptionName } from '../core/values';
import { appendRecord } from './append-record';
import { actorOf, textField, type ActionOutcome } from './follow-through-action';
import type { Lock } from './ports';
import type { WorkbookSession } from './session';

export const SUGGESTION_LIMITS = { title: 100, text: 5000, category: 50 } as const;

export interface SuggestionRequest {
  title: unknown;
  text: unknown;
  category: unknown;
  anonymous: unknown;
  /** The person (the sidebar's remembered name). */
  who: string;
}

/**
 * Appends one 献计 row: S-n, 日期 today, 提出人 the person or 匿名, 标题, 内容 (required), 类别 (free text; the form
 * offers the school's list), 采纳 待定. An anonymous suggestion names nobody anywhere: 修改日志's line says 匿名 too.
 */
export function submitSuggestion(
  session: WorkbookSession,
  lock: Lock,
  request: SuggestionRequest,
): ActionOutcome {
  const lang = session.lang;
  const u = texts(lang).todo;
  const s = u.suggestion;
  const errors: FieldError[] = [];
  const title = textField(errors, lang, 'title', s.title, request.title, SUGGESTION_LIMITS.title, false);
  const text = textField(errors, lang, 'text', s.text, request.text, SUGGESTION_LIMITS.text, true);
  const category = textField(
    errors,
    lang,
    'category',
    s.category,
    request.category,
    SUGGESTION_LIMITS.category,
    false,
  );
  if (errors.length > 0) return { ok: false, errors };
  const author = request.anonymous === true ? s.anonymousName : request.who;
  const actor = actorOf(session, author);
  const cells = {
    date: session.today,
    author,
    title,
    text,
    category,
    adopted: adoptionName('pending', lang),
    rectificationId: '',
  };
  return appendRecord(session, lock, 'suggestions', cells, actor, s.saved);
}
