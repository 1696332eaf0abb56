// Builds a semester or year summary (学期报<semester>, 年度总结): the scope asked for, its figures, its generated sheet.
import type { Campaign } from '../core/model';
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { format, texts } from '../core/i18n/messages';
import { buildSummary, type Summary } from '../core/summary/summary';
import {
  defaultSemester,
  ofSemester,
  semesterScope,
  yearScope,
  type SummaryScope,
} from '../core/summary/scope';
import { summaryDocument, summarySheetName } from '../core/summary/summary-document';
import type { ReportDocument } from '../core/report/report-document';
import { writeDocumentSheet } from './report';
import type { WorkbookSession } from './session';

/** What a person asks for: the year, or a semester by name ('' for the one of today, else the latest ended). */
export type SummaryRequest = { kind: 'year' } | { kind: 'semester'; name: string };

/** The scope asked for, or the message saying no semester has that name (listing the workbook's semesters). */
export function summaryScopeOf(
  campaign: Campaign,
  request: SummaryRequest,
  today: IsoDate,
): { scope: SummaryScope } | { refusal: string } {
  if (request.kind === 'year') return { scope: yearScope(campaign, today) };
  const name = request.name.trim();
  if (name === '') {
    const semester = defaultSemester(campaign, today);
    if (semester !== undefined) return { scope: ofSemester(semester) };
  }
  const scope = semesterScope(campaign, name);
  if (scope !== undefined) return { scope };
  return {
    refusal: format(texts(campaign.lang).summary.semesterUnknown, {
      name,
      semesters: semesterList(campaign),
    }),
  };
}

/** The workbook's semesters by name, as a list in the school's language. */
export function semesterList(campaign: Campaign): string {
  return campaign.semesters.map((s) => s.name).join(texts(campaign.lang).cliText.listSeparator);
}

export interface SummaryResult {
  sheet: string;
  summary: Summary;
  document: ReportDocument;
}

/** A summary from a loaded campaign, in its language; `sheet` is the name its generated sheet takes. */
export function summaryOf(
  campaign: Campaign,
  scope: SummaryScope,
  today: IsoDate,
  generatedAt: string,
): SummaryResult {
  const summary = buildSummary(campaign, scope, today);
  const document = summaryDocument(summary, campaign.lang, { generatedAt });
  return { sheet: summarySheetName(scope, campaign.lang), summary, document };
}

/** Builds a summary's sheet in the session's workbook (the caller holds the lock); regenerating replaces only it. */
export function buildSummarySheet(session: WorkbookSession, scope: SummaryScope): SummaryResult {
  const { campaign, today } = session;
  const generatedAt = dateTimeInZone(session.now, campaign.settings.timeZone);
  const result = summaryOf(campaign, scope, today, generatedAt);
  writeDocumentSheet(session.workbook, result.document, result.sheet);
  return result;
}
