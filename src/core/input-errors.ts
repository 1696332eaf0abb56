// The sidebar's record input checked with RecordInputSchema, errors put in words per field (browser and server alike).
import type * as z from 'zod';
import { format, type Messages } from './i18n/messages';
import { RecordInputSchema, type RecordInput } from './schemas';

/** One field's problem, in the school's language; field is a RecordInput key ('' for the form as a whole). */
export interface FieldError {
  field: string;
  message: string;
}

export type CheckedInput = { ok: true; input: RecordInput } | { ok: false; errors: FieldError[] };

type SidebarTexts = Messages['sidebar'];

function fieldLabel(field: string, texts: SidebarTexts): string {
  if (field === 'kind') return texts.kind;
  return (texts.fields as Record<string, string>)[field] ?? field;
}

function issueMessage(issue: z.core.$ZodIssue, field: string, present: boolean, texts: SidebarTexts): string {
  const label = fieldLabel(field, texts);
  const e = texts.errors;
  if (field === '') return e.payload;
  const isArray = 'origin' in issue && issue.origin === 'array';
  switch (issue.code) {
    case 'too_small':
      return format(isArray ? e.pickOne : e.required, { field: label });
    case 'too_big':
      return format(isArray ? e.tooMany : e.tooLong, { field: label, max: Number(issue.maximum) });
    case 'invalid_value':
    case 'invalid_union':
      return format(e.choice, { field: label });
    case 'custom':
      return field === 'date' ? e.date : format(e.invalid, { field: label });
    case 'invalid_type':
      return format(present ? e.invalid : e.required, { field: label });
    default:
      return format(e.invalid, { field: label });
  }
}

/**
 * Checks what the sidebar sends with the one schema both sides share. Gives the parsed input, or one
 * message per field (the first problem of each), in the order of the schema's fields.
 */
export function checkRecordInput(value: unknown, texts: SidebarTexts): CheckedInput {
  const parsed = RecordInputSchema.safeParse(value);
  if (parsed.success) return { ok: true, input: parsed.data };
  const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const head = issue.path[0];
    const field = typeof head === 'string' ? head : '';
    if (errors.some((err) => err.field === field)) continue;
    const present = field !== '' && given[field] !== undefined && given[field] !== null;
    errors.push({ field, message: issueMessage(issue, field, present, texts) });
  }
  return { ok: false, errors };
}
