// A monthly report put in words: a title, header lines and titled tables with status colours, for every renderer.
import { format, texts, type Lang } from '../i18n/messages';
import { followUpName, rectStatusName } from '../values';
import { lastingRulesTable, ledgerTables } from './ledger-tables';
import { RECT_STATUSES } from '../schemas';
import type { QuotaStatus } from '../model';
import type { MonthlyReport } from './monthly-report';
import { AIM_COLORS, aimColor, elapsedShare, minimumColor } from './aims';
import { lastDay } from '../dates';

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
  /** Printed in this many side-by-side blocks (a long list of short lines); the sheet keeps one table. */
  blocks?: number;
  /** The first table of the detail pages: printed from a new page. */
  newPage?: boolean;
  /** Drawn on the printed page as these small charts side by side, in place of the table (the sheet keeps the table). */
  charts?: ReportChart[];
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
  /** What the colours mean. */
  legend?: string;
}

export const STATUS_COLORS: Readonly<Record<QuotaStatus, string>> = {
  met: '#c8e6c9',
  on_track: '#e3f2fd',
  behind: '#ffe0b2',
  missed: '#ffcdd2',
  exempt: '#eeeeee',
};
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
    [r.header.semester, format(t.semesterEngine.span, { ...report.semester })],
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

  const o = t.overview;
  const or = o.report;
  const asAt = (title: string) => format(o.asAt, { title, date: report.asAt });
  const monthStart = `${report.month}-01`;
  const rf = t.reportFollowUps;
  const monthFollowUps = report.monthFollowUps;
  const older = report.followUps.filter((f) => f.date < monthStart);
  const counted = report.people.filter((p) => p.status !== 'exempt');
  const short = counted.filter((p) => p.status === 'missed' || p.status === 'behind');
  const coverageShare = (line: { visited: number; total: number }) =>
    line.total === 0 ? null : line.visited / line.total;
  const coverageElapsed = (line: { cycleStart: string; cycleEnd: string }) =>
    elapsedShare(line.cycleStart, line.cycleEnd, report.asAt);
  const classElapsed = elapsedShare(report.semester.start, report.semester.end, report.asAt);
  const monthElapsed = elapsedShare(monthStart, lastDay(report.month), report.asAt);
  const coverageOfUnit = new Map(report.coverage.map((l) => [l.unit, l]));
  const changeOfUnit = new Map(report.change.map((l) => [l.unit, l]));

  const summary = table(
    'summary',
    asAt(or.summary),
    [or.item, or.value],
    [
      [t.status.missed, format(or.missedLine, { count: short.length, people: counted.length })],
      [
        o.status.followUps,
        format(rf.summaryLine, {
          ...monthFollowUps.counts,
          older: monthFollowUps.counts.open - monthFollowUps.counts.openFromMonth,
        }),
      ],
      [o.status.overdue, format(or.overdueLine, { count: report.rectification.overdue.length })],
    ],
    r.none,
  );
  summary.colors = [
    [null, short.length > 0 ? AIM_COLORS.behind : AIM_COLORS.met],
    [null, older.length > 0 ? AIM_COLORS.onTrack : null],
    [null, report.rectification.overdue.length > 0 ? AIM_COLORS.behind : AIM_COLORS.met],
  ];

  const unitRows = report.units.map((u): ReportCell[] => {
    const change = changeOfUnit.get(u.unit);
    const cover = coverageOfUnit.get(u.unit);
    const noStaff = u.members === 0;
    return [
      u.unit,
      u.members,
      u.visits,
      u.distinct,
      u.minimum,
      noStaff ? o.noStaff : `${u.met}/${u.people}`,
      noStaff ? '' : percent(u.completion),
      change === undefined || noStaff ? '' : percent(change.previous),
      change === undefined || change.previous === null || change.current === null
        ? ''
        : signed(Math.round(change.current * 100) - Math.round(change.previous * 100)),
      cover === undefined ? '' : percent(coverageShare(cover)),
    ];
  });
  const units: ReportTable = {
    key: 'units',
    title: asAt(r.sections.units),
    columns: [
      c.unit,
      c.members,
      c.visits,
      c.distinct,
      c.minimum,
      c.met,
      c.completion,
      or.previous,
      or.points,
      or.coverage,
    ],
    rows: unitRows,
    colors: report.units.map((u) => {
      const cover = coverageOfUnit.get(u.unit);
      return [
        null,
        null,
        null,
        null,
        null,
        null,
        u.members === 0 ? null : aimColor(u.completion, monthElapsed),
        null,
        null,
        cover === undefined ? null : aimColor(coverageShare(cover), coverageElapsed(cover)),
      ];
    }),
    emptyText: r.none,
  };

  const missedRows = short.map((p) => [p.name, p.unit, p.count, p.minimum]);
  const missed: ReportTable = {
    key: 'missed',
    title: asAt(or.missed),
    columns: [c.person, c.unit, c.count, c.minimum],
    rows: missedRows,
    colors: short.map((p) => [null, null, STATUS_COLORS[p.status], null]),
    emptyText: r.none,
    blocks: missedRows.length > 8 ? 2 : 1,
  };

  const byCoverage = [...report.coverage]
    .filter((l) => l.total > 0)
    .sort((a, b) => a.visited / a.total - b.visited / b.total);
  const groupsBehind: ReportTable = {
    key: 'groupsBehind',
    title: asAt(or.groupsBehind),
    columns: [c.unit, c.cycle, c.coverage, or.missingCount],
    rows: byCoverage
      .slice(0, 3)
      .map((l) => [l.unit, `${l.cycleStart} – ${l.cycleEnd}`, percent(coverageShare(l)), l.missing.length]),
    colors: byCoverage
      .slice(0, 3)
      .map((l) => [null, null, aimColor(coverageShare(l), coverageElapsed(l)), null]),
    emptyText: r.none,
  };

  const classShare = (k: { visited: number; students: number }) =>
    k.students === 0 ? null : k.visited / k.students;
  const classRows = (list: typeof report.classes): ReportCell[][] =>
    list.map((k) => [
      k.class,
      k.monthVisits,
      k.students,
      k.visited,
      percent(classShare(k)),
      k.inPerson,
      k.inPersonMinimum,
    ]);
  const classColors = (list: typeof report.classes): (string | null)[][] =>
    list.map((k) => [
      null,
      null,
      null,
      null,
      aimColor(classShare(k), classElapsed),
      minimumColor(k.inPerson, k.inPersonMinimum),
      null,
    ]);
  const classColumns = [
    c.className,
    c.monthVisits,
    c.students,
    c.visitedStudents,
    c.coverage,
    c.inPerson,
    c.inPersonMinimum,
  ];
  const furthest = [...report.classes]
    .filter((k) => k.students > 0)
    .sort(
      (a, b) =>
        Number(a.inPerson >= a.inPersonMinimum) - Number(b.inPerson >= b.inPersonMinimum) ||
        a.visited / a.students - b.visited / b.students ||
        a.inPerson - b.inPerson,
    )
    .slice(0, 3);
  const classesBehind: ReportTable = {
    key: 'classesBehind',
    title: asAt(or.classesBehind),
    columns: classColumns,
    rows: classRows(furthest),
    colors: classColors(furthest),
    emptyText: r.none,
  };

  // The detail pages. People: those who missed or are behind first, then on track, met, exempt.
  const rank: Record<string, number> = { missed: 0, behind: 1, on_track: 2, met: 3, exempt: 4 };
  const ordered = report.people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (rank[a.p.status] ?? 5) - (rank[b.p.status] ?? 5) || a.i - b.i)
    .map(({ p }) => p);
  const people: ReportTable = {
    key: 'people',
    title: asAt(r.sections.people),
    columns: [c.person, c.unit, c.count, c.minimum, c.status],
    rows: ordered.map((p) => [p.name, p.unit, p.count, p.minimum, t.status[p.status]]),
    colors: ordered.map((p) => [null, null, null, null, STATUS_COLORS[p.status]]),
    emptyText: r.none,
    blocks: ordered.length > 12 ? 3 : 1,
    newPage: true,
  };

  const coverage: ReportTable = {
    key: 'coverage',
    title: asAt(r.sections.coverage),
    columns: [c.unit, c.cycle, c.covered, c.total, c.coverage, c.missing],
    rows: report.coverage.map((line) => {
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
        percent(coverageShare(line)),
        shown + more,
      ];
    }),
    colors: report.coverage.map((line) => [
      null,
      null,
      null,
      null,
      aimColor(coverageShare(line), coverageElapsed(line)),
      null,
    ]),
    emptyText: r.none,
  };

  const classes: ReportTable = {
    key: 'classes',
    title: asAt(format(t.semesterEngine.reportClasses, { name: report.semester.name })),
    columns: classColumns,
    rows: classRows(report.classes),
    colors: classColors(report.classes),
    emptyText: r.none,
    blocks: report.classes.length > 8 ? 2 : 1,
  };

  const followUps = table(
    'followUps',
    asAt(r.sections.followUps),
    [
      c.id,
      c.date,
      c.kind,
      c.followUp,
      rf.columns.followUpOwner,
      rf.columns.closedOn,
      rf.columns.age,
      rf.columns.result,
      rf.columns.rectificationId,
      c.text,
    ],
    monthFollowUps.items.map((f) => [
      f.id,
      f.date,
      r.kinds[f.kind],
      followUpName(f.followUp, lang),
      f.owner,
      f.closedOn ?? rf.stillOpen,
      f.age ?? '',
      f.result,
      f.rectificationId,
      // Whole: the HTML page cuts it to one line, the sheet and the xlsx keep every word.
      f.text,
    ]),
    r.none,
  );

  const owners = new Map<string, { count: number; oldest: number }>();
  for (const f of older) {
    const seen = owners.get(f.owner) ?? { count: 0, oldest: 0 };
    owners.set(f.owner, { count: seen.count + 1, oldest: Math.max(seen.oldest, f.age) });
  }
  const ownerRows = [...owners]
    .sort((a, b) => b[1].count - a[1].count || b[1].oldest - a[1].oldest)
    .map(([owner, v]): ReportCell[] => [owner, v.count, v.oldest]);
  const olderFollowUps: ReportTable = {
    key: 'olderFollowUps',
    title: asAt(or.olderFollowUps),
    columns: [rf.columns.followUpOwner, or.items, or.oldest],
    rows: ownerRows,
    colors: plain(ownerRows),
    emptyText: r.none,
    blocks: ownerRows.length > 8 ? 4 : 1,
  };

  const counts = report.rectification.counts;
  const rectRows: ReportCell[][] = RECT_STATUSES.map((s) => [rectStatusName(s, lang), counts[s]]);
  if (counts.unknown > 0) rectRows.push([r.statusUnknown, counts.unknown]);
  rectRows.push([r.total, report.rectification.total]);
  const rectification = table(
    'rectification',
    asAt(r.sections.rectification),
    [c.rectStatus, c.count2],
    rectRows,
    r.none,
  );

  const overdue = table(
    'overdue',
    asAt(r.sections.overdue),
    [c.id, c.problem, rf.columns.owner, c.deadline, c.overdueDays, c.rectStatus],
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
    asAt(r.sections.suggestions),
    [c.id, c.date, c.author, c.title, c.category, c.adopted],
    report.suggestions.map((s) => [s.id, s.date, s.author, excerpt(s.title), s.category, s.adopted]),
    r.none,
  );

  const bars = report.units
    .filter((u) => u.completion !== null)
    .map((u) => ({ label: u.unit, value: Math.round((u.completion ?? 0) * 1000) / 10 }));
  const chartTable = table(
    'chart',
    asAt(r.sections.chart),
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
      summary,
      units,
      chartTable,
      missed,
      groupsBehind,
      classesBehind,
      people,
      coverage,
      classes,
      followUps,
      olderFollowUps,
      rectification,
      overdue,
      ...[lastingRulesTable(report, lang, asAt)].filter((x): x is ReportTable => x !== null),
      suggestions,
      ...ledgerTables(report, lang, asAt),
    ],
    chart: bars.length > 0 ? { title: asAt(r.sections.chart), bars } : null,
    chartNote: r.completionNote,
    legend: o.legend,
  };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
