// A summary put in words as a report document (title, header lines, titled tables, charts) for every renderer.
import { format, texts, type Lang, type Messages } from '../i18n/messages';
import { discussionFormName, rectStatusName } from '../values';
import { RECT_STATUSES } from '../schemas';
import { CLASS_IN_PERSON_MINIMUM } from '../defaults';
import { aimColor, minimumColor } from '../report/aims';
import {
  percent,
  type ReportCell,
  type ReportChart,
  type ReportDocument,
  type ReportTable,
} from '../report/report-document';
import type { Summary } from './summary';

/** Excel's longest sheet name, and the characters a sheet name may not hold there. */
const SHEET_NAME_MAX = 31;
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

/** The sheet of a summary: 学期报<semester> or 年度总结 (Semester summary <semester>, Year summary). */
export function summarySheetName(scope: Summary['scope'], lang: Lang): string {
  const t = texts(lang);
  if (scope.kind === 'year') return t.sheets.summaryYear;
  const name = format(t.summary.semesterSheet, { sheet: t.sheets.summarySemester, semester: scope.name });
  return name.replace(NOT_IN_SHEET_NAMES, '-').slice(0, SHEET_NAME_MAX);
}

function table(
  key: string,
  title: string,
  columns: string[],
  rows: ReportCell[][],
  t: Messages,
): ReportTable {
  return { key, title, columns, rows, colors: rows.map((r) => r.map(() => null)), emptyText: t.report.none };
}

const share = (done: number, of: number): number | null => (of === 0 ? null : done / of);

/** A completion (0–1) as a chart value in percent, one decimal. */
const chartValue = (completion: number | null): number => Math.round((completion ?? 0) * 1000) / 10;

export function summaryDocument(summary: Summary, lang: Lang, meta: { generatedAt: string }): ReportDocument {
  const t = texts(lang);
  const s = t.summary;
  const c = s.columns;
  const rc = t.report.columns;
  const { scope } = summary;
  const year = scope.kind === 'year';
  const title = year
    ? format(s.title.year, { campaign: summary.campaign })
    : format(s.title.semester, { campaign: summary.campaign, semester: scope.name });
  const header: [string, string][] = [
    [t.report.header.school, summary.school],
    [t.report.header.campaign, summary.campaign],
    [s.header.scope, year ? s.scopeYear : scope.name],
    [s.header.period, format(s.period, { start: scope.start, end: scope.end })],
    [s.header.asAt, summary.asAt],
    [t.report.header.generatedAt, meta.generatedAt],
  ];
  const asAt = (text: string) => format(t.overview.asAt, { title: text, date: summary.asAt });

  const b = summary.bureau;
  const bureau = table(
    'bureau',
    asAt(year ? s.sections.bureau : s.sections.overview),
    [s.bureau.item, s.bureau.value],
    [
      [s.bureau.visits, b.visits],
      [s.bureau.people, b.people],
      [s.bureau.families, b.families],
      [s.bureau.inPerson, b.inPersonHomeVisits],
      [s.bureau.problemsFound, b.problemsFound],
      [s.bureau.problemsSolved, b.problemsSolved],
      [s.bureau.rules, b.rules],
      [s.bureau.suggestionsReceived, b.suggestionsReceived],
      [s.bureau.suggestionsAdopted, b.suggestionsAdopted],
    ],
    t,
  );

  const units = table(
    'units',
    asAt(s.sections.units),
    [rc.unit, c.metPersonMonths, c.evaluatedPersonMonths, c.metShare, c.completion],
    summary.units.map((u) => [
      u.unit,
      u.met,
      u.evaluated,
      percent(share(u.met, u.evaluated)),
      percent(u.completion),
    ]),
    t,
  );
  units.colors = summary.units.map((u) => [null, null, null, null, aimColor(u.completion)]);

  const unitMonths = table(
    'unitMonths',
    asAt(s.sections.unitMonths),
    [rc.unit, ...summary.months],
    summary.units.map((u) => [u.unit, ...u.months.map((m) => percent(m.completion))]),
    t,
  );
  unitMonths.colors = summary.units.map((u) => [null, ...u.months.map((m) => aimColor(m.completion))]);
  unitMonths.charts = summary.units
    .filter((u) => u.months.some((m) => m.completion !== null))
    .map((u): ReportChart => ({
      title: u.unit,
      bars: u.months
        .filter((m) => m.completion !== null)
        .map((m) => ({ label: m.month.slice(2), value: chartValue(m.completion) })),
    }));

  // The school's completion by month (every unit's lines together): the sheet's embedded chart.
  const bars = summary.schoolMonths
    .filter((m) => m.completion !== null)
    .map((m) => ({ label: m.month, value: chartValue(m.completion) }));
  const chartTable = table(
    'chart',
    asAt(s.sections.chart),
    [t.report.header.month, `${rc.completion} (%)`],
    bars.map((bar) => [bar.label, bar.value]),
    t,
  );

  const people = table(
    'people',
    asAt(s.sections.people),
    [rc.person, rc.unit, c.metMonths, c.evaluatedMonths],
    summary.people.map((p) => [p.name, p.unit, p.met, p.evaluated]),
    t,
  );
  people.colors = summary.people.map((p) => [
    null,
    null,
    p.evaluated === 0 ? null : minimumColor(p.met, p.evaluated),
    null,
  ]);
  people.blocks = summary.people.length > 12 ? 2 : 1;
  people.newPage = true;

  const cycles = table(
    'cycles',
    asAt(s.sections.cycles),
    [rc.unit, rc.cycle, c.asAt, rc.covered, rc.total, rc.coverage, c.missingCount],
    summary.cycles.map((l) => [
      l.unit,
      `${l.cycleStart} – ${l.cycleEnd}`,
      l.asAt,
      l.visited,
      l.total,
      percent(share(l.visited, l.total)),
      l.missing.length,
    ]),
    t,
  );
  cycles.colors = summary.cycles.map((l) => [
    null,
    null,
    null,
    null,
    null,
    l.asAt >= l.cycleEnd ? aimColor(share(l.visited, l.total)) : null,
    null,
  ]);

  const classRows = summary.classes.flatMap((sem) => sem.classes.map((k) => ({ semester: sem.semester, k })));
  const classes = table(
    'classes',
    asAt(s.sections.classes),
    [c.semester, rc.className, rc.students, rc.visitedStudents, rc.coverage, rc.inPerson, rc.inPersonMinimum],
    classRows.map(({ semester, k }) => [
      semester,
      k.class,
      k.students,
      k.visited,
      percent(share(k.visited, k.students)),
      k.inPerson,
      CLASS_IN_PERSON_MINIMUM,
    ]),
    t,
  );
  classes.colors = classRows.map(({ k }) => [
    null,
    null,
    null,
    null,
    aimColor(share(k.visited, k.students)),
    minimumColor(k.inPerson, CLASS_IN_PERSON_MINIMUM),
    null,
  ]);

  const followRows: ReportCell[][] = summary.followUps.map((f) => [
    t.report.kinds[f.kind],
    f.opened,
    f.closed,
    f.open,
  ]);
  const sum = (pick: (f: Summary['followUps'][number]) => number) =>
    summary.followUps.reduce((n, f) => n + pick(f), 0);
  followRows.push([t.report.total, sum((f) => f.opened), sum((f) => f.closed), sum((f) => f.open)]);
  const followUps = table(
    'followUpCounts',
    asAt(s.sections.followUps),
    [rc.kind, c.opened, c.closed, c.open],
    followRows,
    t,
  );

  const counts = summary.rectification.counts;
  const rectRows: ReportCell[][] = RECT_STATUSES.map((st) => [rectStatusName(st, lang), counts[st]]);
  if (counts.unknown > 0) rectRows.push([t.report.statusUnknown, counts.unknown]);
  rectRows.push([t.report.total, summary.rectification.total]);
  const rectification = table(
    'rectification',
    asAt(s.sections.rectification),
    [rc.rectStatus, rc.count2],
    rectRows,
    t,
  );

  const rules = table(
    'summaryRules',
    asAt(s.sections.rules),
    [rc.id, rc.problem, c.rule, rc.rectStatus, c.doneOn],
    summary.rectification.rules.map((r) => [
      r.id,
      r.problem,
      r.rule,
      r.status === null ? t.report.statusUnknown : rectStatusName(r.status, lang),
      r.doneOn ?? '',
    ]),
    t,
  );

  const sc = summary.suggestions.counts;
  const sr = s.suggestionRows;
  const suggestionRows: ReportCell[][] = [
    [sr.received, summary.suggestions.received],
    [sr.yes, sc.yes],
    [sr.no, sc.no],
    [sr.pending, sc.pending],
  ];
  if (sc.unknown > 0) suggestionRows.push([sr.unknown, sc.unknown]);
  const suggestions = table(
    'suggestionCounts',
    asAt(s.sections.suggestions),
    [c.item, c.value],
    suggestionRows,
    t,
  );

  const discussionRows: ReportCell[][] = summary.discussions.map((d) => [
    d.form === null ? s.formUnknown : discussionFormName(d.form, lang),
    d.count,
    d.attendance,
  ]);
  discussionRows.push([
    t.report.total,
    summary.discussions.reduce((n, d) => n + d.count, 0),
    summary.discussions.reduce((n, d) => n + d.attendance, 0),
  ]);
  const discussions = table(
    'discussions',
    asAt(s.sections.discussions),
    [c.form, c.count, c.attendance],
    discussionRows,
    t,
  );

  return {
    lang,
    title,
    header,
    notice: null,
    tables: [
      bureau,
      units,
      chartTable,
      unitMonths,
      people,
      cycles,
      classes,
      followUps,
      rectification,
      rules,
      suggestions,
      discussions,
    ],
    chart: bars.length > 0 ? { title: asAt(s.sections.chart), bars } : null,
    chartNote: s.monthsNote,
    legend: t.overview.legend,
  };
}
