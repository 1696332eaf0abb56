// Builds the 月报 YYYY-MM sheet: reads the workbook once, counts, and replaces that month's sheet only.
import type { Campaign } from '../core/model';
import type { Cell, Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { dateTimeInZone, lastDay, type IsoDate, type IsoMonth } from '../core/dates';
import { buildMonthlyReport, type MonthlyReport } from '../core/report/monthly-report';
import { reportDocument, type ReportDocument } from '../core/report/report-document';
import { phaseLabel } from '../core/phase';
import type { Clock, Mailer, SheetFormat, WorkbookPort } from './ports';
import { escapeHtml } from '../core/report/escape';
import {
  latestByKey,
  parseSendLog,
  sendLogRow,
  sendLogSheet,
  type SendLogEntry,
} from '../core/report/send-log';
import { ensureSendLog } from './remind';
import type { WorkbookSession } from './session';

const HEADER_BACKGROUND = '#eeeeee';
const TITLE_BACKGROUND = '#dbe7f5';
const WIDTHS = [150, 130, 90, 100, 100, 90, 320, 80, 100, 90];
/** The chart sits beside the page-one tables below the units table (none is wider than seven columns). */
const CHART_COLUMN = 7;

export function reportSheetName(month: IsoMonth, lang: Lang): string {
  return `${texts(lang).sheets.report} ${month}`;
}

/** The document as one grid with its look: title, header lines, then each table under its title. */
export function reportGrid(doc: ReportDocument): { grid: Grid; format: SheetFormat } {
  const grid: Grid = [];
  const backgrounds: (string | null)[][] = [];
  const boldRows: number[] = [];
  let chart: SheetFormat['chart'];
  const push = (row: Cell[], colors: (string | null)[] = [], bold = false) => {
    if (bold) boldRows.push(grid.length);
    grid.push(row);
    backgrounds.push(colors);
  };
  push([doc.title], [TITLE_BACKGROUND], true);
  for (const [label, value] of doc.header) push([label, value]);
  if (doc.notice !== null) {
    push([]);
    push([doc.notice], [], true);
  }
  for (const table of doc.tables) {
    push([]);
    const titleRow = grid.length;
    push([table.title], [], true);
    push(
      table.columns,
      table.columns.map(() => HEADER_BACKGROUND),
      true,
    );
    if (table.rows.length === 0) push([table.emptyText]);
    table.rows.forEach((row, i) => push(row, table.colors[i] ?? []));
    if (table.key === 'chart' && doc.chart !== null && table.rows.length > 0) {
      chart = {
        title: doc.chart.title,
        firstRow: titleRow + 2,
        lastRow: titleRow + 1 + table.rows.length,
        labelColumn: 0,
        valueColumn: 1,
        anchorRow: titleRow,
        anchorColumn: CHART_COLUMN,
      };
    }
  }
  if (doc.chart !== null && doc.chartNote !== '') {
    push([]);
    push([doc.chartNote]);
  }
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  const fmt: SheetFormat = {
    widths: WIDTHS.slice(0, Math.max(width, 2)),
    backgrounds,
    boldRows,
    protect: true,
    // The title (campaign and month) on every printed page of the .xlsx.
    print: { repeatRows: 1 },
  };
  if (chart !== undefined) fmt.chart = chart;
  return { grid, format: fmt };
}

/** Writes a report document (a month's report, a summary) as a generated sheet, replacing that sheet (and no other). */
export function writeDocumentSheet(wb: WorkbookPort, doc: ReportDocument, sheet: string): string {
  const { grid, format: look } = reportGrid(doc);
  wb.replace(sheet, grid, look);
  return sheet;
}

/** Writes a report document as its month's sheet, replacing that sheet (and no other). */
export function writeReportSheet(wb: WorkbookPort, doc: ReportDocument, month: IsoMonth): string {
  return writeDocumentSheet(wb, doc, reportSheetName(month, doc.lang));
}

export interface ReportOptions {
  month: IsoMonth;
  /** When the report was made, as shown in its header ('YYYY-MM-DD HH:mm'); default: the session's now. */
  generatedAt?: string;
}

export interface ReportResult {
  sheet: string;
  campaign: Campaign;
  report: MonthlyReport;
  document: ReportDocument;
}

/** The report of a month from a loaded campaign, in the campaign's language. */
export function reportOf(
  campaign: Campaign,
  month: IsoMonth,
  today: IsoDate,
  generatedAt: string,
): { report: MonthlyReport; document: ReportDocument } {
  const report = buildMonthlyReport(campaign, month, today);
  const end = lastDay(month);
  const document = reportDocument(report, campaign.lang, {
    phase: phaseLabel(end < today ? end : today, campaign.settings, campaign.lang),
    generatedAt,
  });
  return { report, document };
}

/** The report of a month from the session's campaign (figures and ages as of the session's today), writing nothing. */
export function composeReport(session: WorkbookSession, options: ReportOptions): Omit<ReportResult, 'sheet'> {
  const { campaign, today } = session;
  const generatedAt = options.generatedAt ?? dateTimeInZone(session.now, campaign.settings.timeZone);
  return { campaign, ...reportOf(campaign, options.month, today, generatedAt) };
}

/** Builds the month's report sheet (月报 YYYY-MM) in the workbook; regenerating replaces only that sheet. */
export function buildReportSheet(session: WorkbookSession, options: ReportOptions): ReportResult {
  const composed = composeReport(session, options);
  const sheet = writeReportSheet(session.workbook, composed.document, options.month);
  return { sheet, ...composed };
}

/** A few lines summing up a report, for the email to the report recipients. */
export function reportSummary(report: MonthlyReport, lang: Lang): string {
  const t = texts(lang);
  if (report.empty) return format(t.report.noData, { month: report.month });
  return report.units
    .filter((u) => u.people > 0)
    .map((u) =>
      format(t.remind.reportMailSummary, {
        unit: u.unit,
        met: u.met,
        people: u.people,
        completion: u.completion === null ? '—' : `${Math.round(u.completion * 100)}%`,
      }),
    )
    .join('\n');
}

export type ReportMailOutcome = 'sent' | 'alreadySent' | 'noRecipients' | 'deferred' | 'failed';

/** The send-log key of a month's report email. */
export function reportMailKey(month: IsoMonth): string {
  return `report|${month}`;
}

/**
 * Emails the report recipients of 设置 a short summary with a link to the report, once per month:
 * the key is kept in 发送日志; without enough quota it is logged deferred, an error logged failed.
 */
export function mailReportSummary(
  deps: { wb: WorkbookPort; mailer: Mailer; clock: Clock },
  result: Pick<ReportResult, 'campaign' | 'report' | 'sheet'>,
  url: string,
): ReportMailOutcome {
  const { campaign, report } = result;
  const recipients = campaign.settings.reportRecipients;
  if (recipients.length === 0) return 'noRecipients';
  const key = reportMailKey(report.month);
  const logGrid = deps.wb.read(sendLogSheet(campaign.lang));
  const log = parseSendLog(logGrid);
  const latest = latestByKey(log).get(key);
  if (latest?.status === 'sent') return 'alreadySent';
  const t = texts(campaign.lang).remind;
  const params = {
    school: campaign.settings.schoolName,
    month: report.month,
    url,
    summary: reportSummary(report, campaign.lang),
  };
  const text = format(t.reportMailBody, params);
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const html =
    `<div style="font-family:sans-serif;font-size:14px;line-height:1.6">` +
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => `<p>${escapeHtml(line).replace(escapeHtml(url), link)}</p>`)
      .join('') +
    `</div>`;
  const to = recipients.join(',');
  const entry = (status: SendLogEntry['status'], reason = ''): SendLogEntry => ({
    key,
    time: dateTimeInZone(deps.clock.now(), campaign.settings.timeZone),
    to,
    name: '',
    unit: '',
    month: report.month,
    status,
    reason,
  });
  let outcome: ReportMailOutcome;
  let logged: SendLogEntry;
  if (deps.mailer.remainingQuota() < recipients.length) {
    if (latest?.status === 'deferred') return 'deferred';
    outcome = 'deferred';
    logged = entry('deferred', t.reasons.quota);
  } else {
    try {
      deps.mailer.send({ to, subject: format(t.reportMailSubject, params), text, html });
      outcome = 'sent';
      logged = entry('sent');
    } catch (error) {
      outcome = 'failed';
      logged = entry('failed', error instanceof Error ? error.message : String(error));
    }
  }
  deps.wb.append(ensureSendLog(deps.wb, campaign), [sendLogRow(logged, campaign.lang, logGrid?.[0])]);
  return outcome;
}
