// What every follow-through action shares: its outcome, the field checks of typed text, the lock, and 进度 refreshed after.
import { dateTimeInZone } from '../core/dates';
import { format, texts, type Lang } from '../core/i18n/messages';
import type { FieldError } from '../core/input-errors';
import type { Lock } from './ports';
import { writeStatusSheet } from './recompute';
import type { WorkbookSession } from './session';

/**
 * What an action did: the 编号 it wrote or touched and a sentence, or why it did nothing (per field; '' for the
 * whole). `warnings` (no errors): nothing written yet, the person confirms (仍然保存) and sends it again.
 */
export type ActionOutcome =
  { ok: true; id: string; message: string } | { ok: false; errors: FieldError[]; warnings?: string[] };

export const refuse = (message: string, field = ''): ActionOutcome => ({
  ok: false,
  errors: [{ field, message }],
});

/** Who acts and when: the name the person gave (or 匿名) and the school's wall-clock time. */
export interface Actor {
  who: string;
  time: string;
}

export function actorOf(session: WorkbookSession, who: string): Actor {
  return { who, time: dateTimeInZone(session.now, session.settings.timeZone) };
}

/**
 * A typed text field checked as the record form's are: a string, trimmed, at most `max` characters, required or
 * not. Errors are pushed in the school's words under the field's label; the trimmed text is returned.
 */
export function textField(
  errors: FieldError[],
  lang: Lang,
  field: string,
  label: string,
  value: unknown,
  max: number,
  required: boolean,
): string {
  const e = texts(lang).sidebar.errors;
  if (value !== undefined && value !== null && typeof value !== 'string') {
    errors.push({ field, message: format(e.invalid, { field: label }) });
    return '';
  }
  const text = (value ?? '').trim();
  if (text.length > max) errors.push({ field, message: format(e.tooLong, { field: label, max }) });
  else if (required && text === '') errors.push({ field, message: format(e.required, { field: label }) });
  return text;
}

/**
 * Runs the writes holding the document lock, whole or not at all: every check is made before the first write.
 * A lock that cannot be had is said in the school's words (nothing written); an error once inside is thrown.
 */
export function withActionLock(lock: Lock, lang: Lang, work: () => ActionOutcome): ActionOutcome {
  let entered = false;
  try {
    return lock.withLock(() => {
      entered = true;
      return work();
    });
  } catch (error) {
    if (entered) throw error;
    return refuse(texts(lang).sidebar.busy);
  }
}

/**
 * 进度 from the sheets as the session now holds them (its appendRows and writeColumn keep each written sheet, so
 * nothing is read back), still under the lock; a failure never fails the action.
 */
export function refreshAfter(session: WorkbookSession, id: string): void {
  try {
    writeStatusSheet(session);
  } catch (error) {
    console.error(`${id} written; 进度 not refreshed:`, error);
  }
}
