// Building findings while rows are checked, and putting them in words in the school's language.
import { format, texts, type Lang } from './i18n/messages';
import { headerText, type TableKey } from './tables';
import type { ParsedTable } from './grid';
import type { Finding, Problem, ProblemCode, Severity } from './model';
import { choiceNames } from './values';

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
    default:
      return '';
  }
}

/** The message of a finding in a language. */
export function messageOf(finding: Finding, lang: Lang): string {
  const template = texts(lang).problems[finding.code];
  return format(template, { allowed: allowedFor(finding, lang), ...finding.params });
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
