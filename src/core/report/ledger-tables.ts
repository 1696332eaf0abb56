// The report's ledger tables in words: lasting rules (建章立制), suggestions by month and category, discussion activities.
import { texts, type Lang } from '../i18n/messages';
import { discussionFormName, rectStatusName } from '../values';
import type { MonthlyReport } from './monthly-report';
import type { ReportCell, ReportTable } from './report-document';

function table(
  key: string,
  title: string,
  columns: string[],
  rows: ReportCell[][],
  emptyText: string,
): ReportTable {
  return { key, title, columns, rows, colors: rows.map((r) => r.map(() => null)), emptyText };
}

/** The year's lasting rules (建章立制) in the consolidation phase, under 六、问题整改; null in any other month. */
export function lastingRulesTable(
  report: MonthlyReport,
  lang: Lang,
  asAt: (title: string) => string,
): ReportTable | null {
  const t = texts(lang);
  const r = t.report;
  const rules = report.ledger.lastingRules;
  if (rules === null) return null;
  return table(
    'lastingRules',
    asAt(t.ledger.report.lastingRules),
    [r.columns.id, r.columns.problem, t.ledger.report.columns.lastingRule, r.columns.rectStatus],
    rules.map((item) => [
      item.id,
      item.problem,
      item.lastingRule,
      item.status === null ? r.statusUnknown : rectStatusName(item.status, lang),
    ]),
    r.none,
  );
}

/**
 * The tables after the month's suggestions (七): the suggestions received and adopted per month and category
 * (with a total line); then 八, the month's discussion activities during the discussion phase, their totals by
 * form (Σ attendance) after it. `asAt` titles a table.
 */
export function ledgerTables(
  report: MonthlyReport,
  lang: Lang,
  asAt: (title: string) => string,
): ReportTable[] {
  const t = texts(lang);
  const r = t.report;
  const l = t.ledger.report;
  const c = l.columns;
  const { ledger } = report;
  const tables: ReportTable[] = [];
  const tally = ledger.suggestionTally;
  const tallyRows: ReportCell[][] = tally.map((s) => [
    s.month,
    s.category === '' ? l.uncategorised : s.category,
    s.received,
    s.adopted,
  ]);
  if (tally.length > 0)
    tallyRows.push([
      r.total,
      '',
      tally.reduce((n, s) => n + s.received, 0),
      tally.reduce((n, s) => n + s.adopted, 0),
    ]);
  tables.push(
    table(
      'suggestionTally',
      asAt(l.suggestionsByMonth),
      [c.month, c.category, c.received, c.adopted],
      tallyRows,
      r.none,
    ),
  );
  const d = ledger.discussions;
  if (d.during) {
    tables.push(
      table(
        'discussions',
        asAt(l.discussions),
        [r.columns.id, r.columns.date, c.form, c.topic, c.organiser, c.attendance],
        d.items.map((a) => [
          a.id,
          a.date,
          a.form === null ? '' : discussionFormName(a.form, lang),
          a.topic,
          a.organiser,
          a.attendance ?? '',
        ]),
        r.none,
      ),
    );
  } else {
    const rows: ReportCell[][] = d.totals.map((f) => [
      discussionFormName(f.form, lang),
      f.activities,
      f.attendance,
    ]);
    if (d.totals.length > 0)
      rows.push([
        r.total,
        d.totals.reduce((n, f) => n + f.activities, 0),
        d.totals.reduce((n, f) => n + f.attendance, 0),
      ]);
    tables.push(
      table('discussionTotals', asAt(l.discussionTotals), [c.form, c.activities, c.attendance], rows, r.none),
    );
  }
  return tables;
}
