// Building findings while rows are checked, and putting them in words in the school's language.
import { format, texts, type Lang } from './i18n/messages';
import { headerText, type TableKey } from './tables';
import type { ParsedTable } from './grid';
import type { Finding, Problem, ProblemCode, Severity } from './model';
import { choiceNames } from './values';
import { hasInvisible } from './invisible';

/** Collects the findings of one table's rows. */
export class FindingList {
  readonly items: Finding[] = [];
  /** How many errors have been added, to tell whether a row got one. */
  errors = 0;
  constructor(private readonly parsed: ParsedTable) {}

  add(
    row: number,
    column: string,
    severity: Severity,
    code: ProblemCode,
    params: Record<string, string | number> = {},
  ): void {
    if (severity === 'error') this.errors++;
    this.items.push({
      table: this.parsed.table,
      sheet: this.parsed.sheet,
      row,
      column,
      severity,
      code,
      params,
    });
  }

  error(row: number, column: string, code: ProblemCode, params?: Record<string, string | number>): void {
    this.add(row, column, 'error', code, params);
  }

  warning(row: number, column: string, code: ProblemCode, params?: Record<string, string | number>): void {
    this.add(row, column, 'warning', code, params);
  }

  /** A NAME_INVISIBLE warning for each name holding a character nobody can see (zero-width, bidi, control). */
  invisible(row: number, column: string, names: readonly string[]): void {
    for (const name of names) if (hasInvisible(name)) this.warning(row, column, 'NAME_INVISIBLE', { name });
  }

  /**
   * The same for a cell as read: one test of the whole text (the usual clean cell costs no list), then the
   * names it holds (default: the text itself) are each named.
   */
  invisibleIn(row: number, column: string, text: string, names?: readonly string[]): void {
    if (text !== '' && hasInvisible(text)) this.invisible(row, column, names ?? [text]);
  }
}

function allowedFor(finding: Finding, lang: Lang): string {
  const sep = lang === 'en' ? ', ' : '、';
  switch (finding.code) {
    case 'MODE_INVALID':
      return choiceNames(finding.table === 'homeVisits' ? 'homeVisitModes' : 'modes', lang).join(sep);
    case 'FOLLOWUP_INVALID':
      return choiceNames('followUps', lang).join(sep);
    case 'STATUS_INVALID':
      return choiceNames('rectStatus', lang).join(sep);
    case 'FORM_INVALID':
      return choiceNames('discussionForms', lang).join(sep);
    case 'ADOPTED_INVALID':
      return choiceNames('adopted', lang).join(sep);
    default:
      return '';
  }
}

/** A value quoted in a problem message is cut beyond this many characters (a 50,000-character name included). */
export const QUOTE_LIMIT = 100;

/** A value as a message quotes it: whole when short, else its start and its length in words. */
function quoted(value: string | number, lang: Lang): string | number {
  if (typeof value !== 'string' || value.length <= QUOTE_LIMIT) return value;
  let end = QUOTE_LIMIT;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end) + format(texts(lang).robust.cut, { length: value.length });
}

/**
 * The message of a finding in a language. A long value is quoted by its start (a cell pasted whole into a
 * name must not make a 校验 note of 50,000 characters, more than a Sheets cell takes); invisible characters
 * are shown as marks by format().
 */
export function messageOf(finding: Finding, lang: Lang): string {
  const template = texts(lang).problems[finding.code];
  const params: Record<string, string | number> = { allowed: allowedFor(finding, lang) };
  for (const [key, value] of Object.entries(finding.params)) params[key] = quoted(value, lang);
  return format(template, params);
}

/** A finding as reported: the column is the header text as found in the sheet. */
export function toProblem(
  finding: Finding,
  lang: Lang,
  tables: Readonly<Partial<Record<TableKey, ParsedTable>>>,
): Problem {
  const column =
    finding.column === ''
      ? ''
      : (tables[finding.table]?.headers[finding.column] ?? headerText(finding.table, finding.column, lang));
  return {
    sheet: finding.sheet,
    row: finding.row,
    column,
    severity: finding.severity,
    code: finding.code,
    message: messageOf(finding, lang),
  };
}
