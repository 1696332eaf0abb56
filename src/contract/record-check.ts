// The sidebar's record input checked in the browser without zod: the per-field messages core's checkRecordInput gives.
import type { CheckedInput, FieldError } from '../core/input-errors';
import type { RecordInput } from './record-input';
import type { Choice, SidebarTexts } from './sidebar-payload';

/**
 * One field of RecordInput as the server's schema (src/core/schemas.ts) declares it. The server keeps the
 * schema as the truth; tests/contract/record-check.test.ts holds both checkers to the same answers.
 */
type Rule =
  | { type: 'text'; max: number; required: boolean; optional?: true }
  | { type: 'list'; max: number; required: boolean }
  | { type: 'date' }
  | { type: 'choice'; from: 'modes' | 'homeVisitModes' | 'followUps'; nullable: boolean };

const text = (max: number, required = false): Rule => ({ type: 'text', max, required });
/** A text the sidebar may leave out altogether (the schema's .optional()). */
const optionalText = (max: number): Rule => ({ type: 'text', max, required: false, optional: true });
const list = (max: number, required = false): Rule => ({ type: 'list', max, required });
const DATE: Rule = { type: 'date' };

type Fields<K extends RecordInput['kind']> = {
  readonly [F in Exclude<keyof Extract<RecordInput, { kind: K }>, 'kind'>]-?: Rule;
};
const VISIT: Fields<'visit'> = {
  date: DATE,
  visitor: text(50, true),
  coVisitors: list(10),
  targets: list(50, true),
  mode: { type: 'choice', from: 'modes', nullable: false },
  purpose: text(500),
  record: text(5000, true),
  suggestions: text(5000),
  followUp: { type: 'choice', from: 'followUps', nullable: true },
  followUpOwner: text(50),
  photos: optionalText(5000),
};
const HOME_VISIT: Fields<'homeVisit'> = {
  date: DATE,
  teacher: text(50, true),
  className: text(50, true),
  students: list(50, true),
  coTeachers: list(10),
  mode: { type: 'choice', from: 'homeVisitModes', nullable: false },
  family: text(5000),
  parentNeeds: text(5000),
  supportNeeded: text(5000),
  record: text(5000, true),
  followUp: { type: 'choice', from: 'followUps', nullable: true },
  followUpOwner: optionalText(50),
};
/** The fields of each kind, every one named (the compiler checks), in the schema's order (errors come in it). */
const FIELDS: Record<RecordInput['kind'], [string, Rule][]> = {
  visit: Object.entries(VISIT),
  homeVisit: Object.entries(HOME_VISIT),
};

/** Element text of a list item; each list item is a text of at most 50 characters, not empty. */
const ITEM = 50;

/** 'YYYY-MM-DD' naming a day that exists (the same calendar as core's isIsoDate, Date.UTC's included). */
export function isIsoDateText(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

type Problem = 'required' | 'invalid' | 'tooLong' | 'tooMany' | 'pickOne' | 'choice' | 'date';

/** The problem of one field's value, or the value as the schema gives it back (texts trimmed). */
function checkField(
  rule: Rule,
  value: unknown,
  texts: SidebarTexts,
): { problem: Problem; max?: number } | { value: unknown } {
  const absent = value === undefined || value === null;
  switch (rule.type) {
    case 'date':
      if (typeof value !== 'string') return { problem: absent ? 'required' : 'invalid' };
      return isIsoDateText(value) ? { value } : { problem: 'date' };
    case 'choice': {
      if (rule.nullable && value === null) return { value: null };
      const allowed: readonly Choice[] = texts[rule.from];
      return allowed.some((c) => c.value === value) ? { value } : { problem: 'choice' };
    }
    case 'text': {
      if (value === undefined && rule.optional) return { value: undefined };
      if (typeof value !== 'string') return { problem: absent ? 'required' : 'invalid' };
      const trimmed = value.trim();
      if (trimmed.length > rule.max) return { problem: 'tooLong', max: rule.max };
      if (rule.required && trimmed === '') return { problem: 'required' };
      return { value: trimmed };
    }
    case 'list': {
      if (!Array.isArray(value)) return { problem: absent ? 'required' : 'invalid' };
      // The schema judges the count first: a list too long is told so, whatever its items.
      if (value.length > rule.max) return { problem: 'tooMany', max: rule.max };
      if (rule.required && value.length === 0) return { problem: 'pickOne' };
      const items: string[] = [];
      for (const item of value) {
        if (typeof item !== 'string') return { problem: 'invalid' };
        const trimmed = item.trim();
        if (trimmed.length > ITEM) return { problem: 'tooLong', max: ITEM };
        if (trimmed === '') return { problem: 'required' };
        items.push(trimmed);
      }
      return { value: items };
    }
  }
}

/**
 * Checks what the sidebar would send, as the server's schema will: the input as the server parses it
 * (texts trimmed, nothing else kept), or one message per field in the school's language, in the
 * schema's order. The choices allowed (modes, follow-ups) are the ones the server sent in texts.
 */
export function checkRecord(value: unknown, texts: SidebarTexts): CheckedInput {
  const t = texts.sidebar;
  const e = t.errors;
  const labels = t.fields as Record<string, string>;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [{ field: '', message: e.payload }] };
  const given = value as Record<string, unknown>;
  const kind = given.kind;
  if (kind !== 'visit' && kind !== 'homeVisit')
    return { ok: false, errors: [{ field: 'kind', message: fill(e.choice, { field: t.kind }) }] };
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = { kind };
  for (const [field, rule] of FIELDS[kind]) {
    const result = checkField(rule, given[field], texts);
    if ('value' in result) {
      if (result.value !== undefined) input[field] = result.value;
      continue;
    }
    const label = labels[field] ?? field;
    const message = result.problem === 'date' ? e.date : e[result.problem];
    errors.push({ field, message: fill(message, { field: label, max: result.max ?? '' }) });
  }
  return errors.length ? { ok: false, errors } : { ok: true, input: input as unknown as RecordInput };
}
