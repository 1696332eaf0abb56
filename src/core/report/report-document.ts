// A monthly report put in words: a title, header lines and titled tables with status colours, for every renderer.
import { format, texts, type Lang } from '../i18n/messages';
import { followUpName, rectStatusName } from '../values';
import { RECT_STATUSES } from '../schemas';
import type { QuotaStatus } from '../model';
import type { MonthlyReport } from './monthly-report';

export type ReportCell = string | number;

export interface ReportTable {
  key: string;
  title: string;
  columns: string[];
  rows: ReportCell[][];
  /** Background colour per cell (#rrggbb) or null; same shape as rows. */
  colors: (string | null)[][];
  /** What the table says when it has no rows. */
  emptyText: string;
}

export interface ReportChart {
  title: string;
  /** Completion by unit, 0–100. */
  bars: { label: string; value: number }[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  header: [label: string, value: string][];
  /** Set when the month has no data: the report says so and shows nothing else. */
  notice: string | null;
  tables: ReportTable[];
  chart: ReportChart | null;
  /** How completion is computed, shown under the chart. */
  chartNote: string;
}

export const STATUS_COLORS: Readonly<Record<QuotaStatus, string>> = {
  met: '#c8e6c9',
  on_track: '#e3f2fd',
  behind: '#ffe0b2',
  missed: '#ffcdd2',
  exempt: '#eeeeee',
};
const SHORT_COLOR = '#ffcdd2';
/** Longest text shown for a record in a table cell. */
const EXCERPT = 60;
/** Longest list of missing names shown in a coverage cell. */
const MISSING_SHOWN = 30;

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

function plain(rows: ReportCell[][]): (string | null)[][] {
  return rows.map((r) => r.map(() => null));
}

function table(
  key: string,
  title: string,
  columns: string[],
  rows: ReportCell[][],
  emptyText: string,
): ReportTable {
  return { key, title, columns, rows, colors: plain(rows), emptyText };
}

/** The report's tables in the school's language; the phase label and generation time come from the caller. */
export function reportDocument(
  report: MonthlyReport,
  lang: Lang,
  meta: { phase: string; generatedAt: string },
): ReportDocument {
  const t = texts(lang);
  const r = t.report;
  const c = r.columns;
  const sep = lang === 'en' ? ', ' : '、';
  const header: [string, string][] = [
    [r.header.school, report.school],
    [r.header.campaign, report.campaign],
    [r.header.month, report.month],
    [r.header.phase, meta.phase],
    [r.header.generatedAt, meta.generatedAt],
    [r.header.today, report.today],
  ];
  const title = format(r.title, { campaign: report.campaign, month: report.month });
  if (report.empty) {
    return {
      lang,
      title,
      header,
      notice: format(r.noData, { month: report.month }),
      tables: [],
      chart: null,
      chartNote: '',
    };
  }

  const units = table(
    'units',
    r.sections.units,
    [c.unit, c.members, c.visits, c.distinct, c.minimum, c.met, c.completion],
    report.units.map((u) => [
      u.unit,
      u.members,
      u.visits,
      u.distinct,
      u.minimum,
      `${u.met}/${u.people}`,
      percent(u.completion),
    ]),
    r.none,
  );

  const peopleRows = report.people.map((p) => [p.name, p.unit, p.count, p.minimum, t.status[p.status]]);
  const people: ReportTable = {
    key: 'people',
    title: r.sections.people,
    columns: [c.person, c.unit, c.count, c.minimum, c.status],
    rows: peopleRows,
    colors: report.people.map((p) => [null, null, null, null, STATUS_COLORS[p.status]]),
    emptyText: r.none,
  };

  const coverage = table(
    'coverage',
    r.sections.coverage,
    [c.unit, c.cycle, c.covered, c.total, c.coverage, c.missing],
    report.coverage.map((line) => {
      const shown = line.missing.slice(0, MISSING_SHOWN).join(sep);
      const more =
        line.missing.length > MISSING_SHOWN
          ? ` ${format(t.table.andMore, { count: line.missing.length })}`
          : '';
      return [
        line.unit,
        `${line.cycleStart} – ${line.cycleEnd}`,
        line.visited,
        line.total,
        percent(line.total === 0 ? null : line.visited / line.total),
        shown + more,
      ];
    }),
    r.none,
  );

  const classes: ReportTable = {
    key: 'classes',
    title: r.sections.classes,
    columns: [
      c.className,
      c.monthVisits,
      c.students,
      c.visitedStudents,
      c.coverage,
      c.inPerson,
      c.inPersonMinimum,
    ],
    rows: report.classes.map((k) => [
      k.class,
      k.monthVisits,
      k.students,
      k.visited,
      percent(k.students === 0 ? null : k.visited / k.students),
      k.inPerson,
      k.inPersonMinimum,
    ]),
    colors: report.classes.map((k) => [
      null,
      null,
      null,
      null,
      null,
      k.inPerson < k.inPersonMinimum ? SHORT_COLOR : null,
      null,
    ]),
    emptyText: r.none,
  };

  const followUps = table(
    'followUps',
    r.sections.followUps,
    [c.id, c.date, c.kind, c.followUp, c.owner, c.age, c.text],
    report.followUps.map((f) => [
      f.id,
      f.date,
      r.kinds[f.kind],
      followUpName(f.followUp, lang),
      f.owner,
      f.age,
      // Whole: the HTML page cuts it to one line, the sheet and the xlsx keep every word.
      f.text,
    ]),
    r.none,
  );

  const counts = report.rectification.counts;
  const rectRows: ReportCell[][] = RECT_STATUSES.map((s) => [rectStatusName(s, lang), counts[s]]);
  if (counts.unknown > 0) rectRows.push([r.statusUnknown, counts.unknown]);
  rectRows.push([r.total, report.rectification.total]);
  const rectification = table(
    'rectification',
    r.sections.rectification,
    [c.rectStatus, c.count2],
    rectRows,
    r.none,
  );

  const overdue = table(
    'overdue',
    r.sections.overdue,
    [c.id, c.problem, c.owner, c.deadline, c.overdueDays, c.rectStatus],
    report.rectification.overdue.map((o) => [
      o.id,
      excerpt(o.problem),
      o.owner,
      o.deadline,
      o.daysOverdue,
      rectStatusName(o.status, lang),
    ]),
    r.none,
  );

  const suggestions = table(
    'suggestions',
    r.sections.suggestions,
    [c.id, c.date, c.author, c.title, c.category, c.adopted],
    report.suggestions.map((s) => [s.id, s.date, s.author, excerpt(s.title), s.category, s.adopted]),
    r.none,
  );

  const change = table(
    'change',
    r.sections.change,
    [c.unit, c.previous, c.current, c.change, c.previousMet, c.currentMet],
    report.change.map((l) => [
      l.unit,
      percent(l.previous),
      percent(l.current),
      l.previous === null || l.current === null
        ? '—'
        : format(r.percentPoints, {
            value: signed(Math.round(l.current * 100) - Math.round(l.previous * 100)),
          }),
      l.previousMet,
      l.currentMet,
    ]),
    r.none,
  );

  const bars = report.units
    .filter((u) => u.completion !== null)
    .map((u) => ({ label: u.unit, value: Math.round((u.completion ?? 0) * 1000) / 10 }));
  const chartTable = table(
    'chart',
    r.sections.chart,
    [c.unit, `${c.completion} (%)`],
    bars.map((b) => [b.label, b.value]),
    r.none,
  );

  return {
    lang,
    title,
    header,
    notice: null,
    tables: [
      units,
      chartTable,
      people,
      coverage,
      classes,
      followUps,
      rectification,
      overdue,
      suggestions,
      change,
    ],
    chart: bars.length > 0 ? { title: r.sections.chart, bars } : null,
    chartNote: r.completionNote,
  };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
