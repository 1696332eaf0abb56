// The 进度 sheet's grid and look: a summary band beside one line per person (units as columns), then coverage and classes.
import { CLASS_IN_PERSON_MINIMUM } from '../core/defaults';
import { lastDay, type IsoDate } from '../core/dates';
import type { Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import type { PersonLine, QuotaStatus, StatusResult } from '../core/model';
import { nameKey } from '../core/names';
import { AIM_COLORS, aimColor, elapsedShare, minimumColor } from '../core/report/aims';
import type { SheetFormat } from './ports';
import { COLORS } from './table-format';

/** Names of a coverage line's "not yet visited" list per sheet row (the row's text runs on to the right). */
export const MISSING_NAMES_PER_ROW = 12;

export const STATUS_COLORS: Readonly<Record<QuotaStatus, string>> = {
  met: COLORS.ok,
  behind: COLORS.error,
  on_track: COLORS.warning,
  missed: COLORS.missed,
  exempt: COLORS.exempt,
};

/** A unit of 部门指标, in its order. */
export interface StatusUnit {
  name: string;
  /** Counted on 家访记录 (学生家庭): covered by classes, not by cycles. */
  homeVisits: boolean;
}

export interface StatusSheetInput {
  lang: Lang;
  campaignName: string;
  status: StatusResult;
  /** The phase in words (phaseLabel). */
  phase: string;
  /** When it was computed: 'YYYY-MM-DD HH:mm (Asia/Shanghai)', text a spreadsheet does not turn into a date. */
  computedAt: string;
  errors: number;
  warnings: number;
  /** The units of 部门指标, in order (a unit without active staff is shown as such). */
  units?: StatusUnit[];
  /** Open follow-ups (及时汇报 / 研究实践 not yet closed), and how many of them are older than 7 days. */
  followUps?: { open: number; older: number };
  /** Rectification items past their 期限 and still 待整改 / 整改中. */
  overdue?: number;
  /** Class → its class teacher (人员 › 班级). */
  classTeachers?: ReadonlyMap<string, string>;
  /** The semester of the class figures (named in their title): their aim is every student by its end. */
  semester?: { name?: string; start: IsoDate; end: IsoDate };
}

/** 0-based columns of the two bands: people at the left, the summary at the right of a narrow gap. */
// Few distinct runs of widths: Sheets sets each run with one call (four here, as before the summary band).
const NAME_WIDTH = 88;
const STATE_WIDTH = 88;
const UNIT_WIDTH = 74;
const GAP_WIDTH = UNIT_WIDTH;
const SUMMARY_WIDTHS = [128, 74, 74, 74, 74, 74];
/** Rows frozen: the title, and the header row of both bands. */
export const STATUS_FROZEN_ROWS = 2;

/** Worst first: the people behind lead the list. */
const RANK: Record<QuotaStatus, number> = { missed: 0, behind: 0, on_track: 1, met: 2, exempt: 3 };

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

function completion(lines: readonly PersonLine[]): number | null {
  const counted = lines.filter((l) => l.status !== 'exempt');
  const wanted = counted.reduce((n, l) => n + l.minimum, 0);
  return wanted === 0 ? null : counted.reduce((n, l) => n + Math.min(l.count, l.minimum), 0) / wanted;
}

/** A cycle in a narrow cell: 10-01～11-30 within one year, the whole dates across two. */
function cycleText(start: IsoDate, end: IsoDate): string {
  return start.slice(0, 4) === end.slice(0, 4) ? `${start.slice(5)}～${end.slice(5)}` : `${start}～${end}`;
}

/** A sparse row builder: cells and colours put at columns. */
class Rows {
  readonly grid: Grid = [];
  readonly backgrounds: (string | null)[][] = [];
  readonly bold = new Set<number>();

  at(row: number): void {
    while (this.grid.length <= row) {
      this.grid.push([]);
      this.backgrounds.push([]);
    }
  }

  put(row: number, column: number, cells: (string | number)[], colors: (string | null)[] = []): void {
    this.at(row);
    const line = this.grid[row]!;
    const look = this.backgrounds[row]!;
    while (line.length < column) line.push('');
    cells.forEach((cell, i) => {
      line[column + i] = cell;
      const color = colors[i];
      if (color) {
        while (look.length < column + i) look.push(null);
        look[column + i] = color;
      }
    });
  }

  header(row: number, column: number, cells: readonly string[]): void {
    this.put(
      row,
      column,
      [...cells],
      cells.map(() => COLORS.header),
    );
    this.bold.add(row);
  }
}

/**
 * The 进度 grid and its format. Rows 1–2 are frozen: the title (with the day it stands at) and one header row
 * holding both bands' headers. Below it, at the left, one line per person (those behind first, a column per
 * unit: visited/minimum coloured by status); at the right, the summary a principal reads in a minute (per
 * unit: how many are behind, completion and cycle coverage coloured against their aims; open follow-ups and
 * overdue items; the groups and classes furthest behind). Then every cycle's full "not yet visited" list,
 * and the classes with their class teacher. No contact details.
 */
export function statusSheet(input: StatusSheetInput): { grid: Grid; format: SheetFormat } {
  const t = texts(input.lang);
  const o = t.overview.status;
  const sep = input.lang === 'en' ? ', ' : '、';
  const { status } = input;
  const asAt = status.today < `${status.month}-01` ? `${status.month}-01` : status.today;
  const monthElapsed = elapsedShare(`${status.month}-01`, lastDay(status.month), status.today);
  const units: StatusUnit[] =
    input.units ??
    [...new Set(status.people.map((p) => p.unit))].map((name) => ({ name, homeVisits: false }));
  const unitIndex = new Map(units.map((u, i) => [nameKey(u.name), i]));
  const rows = new Rows();

  // Row 1: the title. Row 2: the headers of both bands.
  rows.put(0, 0, [
    format(o.title, { campaign: input.campaignName, month: status.month, date: status.today }),
  ]);
  rows.bold.add(0);
  const summaryColumn = 2 + units.length + 1;
  rows.header(1, 0, [o.person, o.worst, ...units.map((u) => u.name)]);
  rows.header(1, summaryColumn, o.unitHeader);

  // The people band: one line per person, worst status first, then in roster order.
  const byPerson = new Map<string, { name: string; lines: PersonLine[]; first: number }>();
  status.people.forEach((line, i) => {
    const key = nameKey(line.name);
    const entry = byPerson.get(key) ?? { name: line.name, lines: [], first: i };
    entry.lines.push(line);
    byPerson.set(key, entry);
  });
  const worst = (lines: readonly PersonLine[]): QuotaStatus =>
    lines.reduce<QuotaStatus>((w, l) => (RANK[l.status] < RANK[w] ? l.status : w), 'exempt');
  const people = [...byPerson.values()].sort(
    (a, b) => RANK[worst(a.lines)] - RANK[worst(b.lines)] || a.first - b.first,
  );
  let row = 2;
  if (people.length === 0) rows.put(row++, 0, [format(o.notEvaluated, { month: status.month })]);
  for (const person of people) {
    const state = worst(person.lines);
    const cells: (string | number)[] = [person.name, t.status[state]];
    const colors: (string | null)[] = [null, STATUS_COLORS[state]];
    for (const line of person.lines) {
      const at = unitIndex.get(nameKey(line.unit));
      if (at === undefined) continue;
      cells[2 + at] = `${line.count}/${line.minimum}`;
      colors[2 + at] = STATUS_COLORS[line.status];
    }
    for (let c = 0; c < cells.length; c++) cells[c] ??= '';
    rows.put(row++, 0, cells, colors);
  }
  const peopleEnd = row;

  // The summary band, beside the people.
  let s = 2;
  const coverageOf = new Map(status.coverage.map((c) => [nameKey(c.unit), c]));
  const classStudents = status.classes.reduce((n, k) => n + k.students, 0);
  const classVisited = status.classes.reduce((n, k) => n + k.visited, 0);
  const semesterElapsed = input.semester ? elapsedShare(input.semester.start, input.semester.end, asAt) : 1;
  for (const unit of units) {
    const lines = status.people.filter((p) => nameKey(p.unit) === nameKey(unit.name));
    const behind = lines.filter((l) => l.status === 'behind').length;
    const missed = lines.filter((l) => l.status === 'missed').length;
    const done = completion(lines);
    const cover = coverageOf.get(nameKey(unit.name));
    const coverDone = unit.homeVisits
      ? classStudents > 0
        ? classVisited / classStudents
        : null
      : cover && cover.total > 0
        ? cover.visited / cover.total
        : null;
    const coverElapsed = unit.homeVisits
      ? semesterElapsed
      : cover
        ? elapsedShare(cover.cycleStart, cover.cycleEnd, asAt)
        : 1;
    const coverText = coverDone === null ? '' : `${Math.round(coverDone * 100)}%`;
    if (lines.length === 0) {
      rows.put(
        s++,
        summaryColumn,
        [unit.name, 0, t.overview.noStaff, '', '', coverText],
        [null, null, null, null, null, aimColor(coverDone, coverElapsed)],
      );
      continue;
    }
    rows.put(
      s++,
      summaryColumn,
      [
        unit.name,
        lines.length,
        behind,
        missed,
        done === null ? '—' : `${Math.round(done * 100)}%`,
        coverText,
      ],
      [
        null,
        null,
        behind > 0 ? AIM_COLORS.behind : null,
        missed > 0 ? AIM_COLORS.behind : null,
        aimColor(done, monthElapsed),
        aimColor(coverDone, coverElapsed),
      ],
    );
  }
  s++;
  const shortPeople = people.filter((p) => RANK[worst(p.lines)] === 0);
  const shortLines = status.people.filter((p) => p.status === 'behind' || p.status === 'missed');
  const figure = (label: string, value: string, color: string | null) => {
    rows.put(s, summaryColumn, [label, value], [COLORS.header, color]);
    s++;
  };
  figure(
    o.behindPeople,
    format(o.behindPeopleValue, { count: shortPeople.length, people: shortLines.length }),
    shortPeople.length > 0 ? AIM_COLORS.behind : AIM_COLORS.met,
  );
  if (input.followUps !== undefined)
    figure(
      o.followUps,
      format(o.followUpsValue, { count: input.followUps.open, older: input.followUps.older }),
      input.followUps.older > 0 ? AIM_COLORS.onTrack : null,
    );
  if (input.overdue !== undefined)
    figure(
      o.overdue,
      format(o.overdueValue, { count: input.overdue }),
      input.overdue > 0 ? AIM_COLORS.behind : AIM_COLORS.met,
    );
  const groups = status.coverage
    .filter((c) => c.total > 0)
    .sort((a, b) => a.visited / a.total - b.visited / b.total)
    .slice(0, 3)
    .map((c) => `${c.unit} ${percent(c.visited, c.total)}`);
  figure(o.groupsBehind, groups.length > 0 ? groups.join(sep) : o.nothingBehind, null);
  const classes = status.classes
    .filter((k) => k.students > 0)
    .sort(
      (a, b) =>
        Number(a.inPerson >= CLASS_IN_PERSON_MINIMUM) - Number(b.inPerson >= CLASS_IN_PERSON_MINIMUM) ||
        a.visited / a.students - b.visited / b.students,
    )
    .slice(0, 3)
    .map((k) => `${k.class} ${percent(k.visited, k.students)}`);
  figure(o.classesBehind, classes.length > 0 ? classes.join(sep) : o.nothingBehind, null);
  s++;
  rows.put(s++, summaryColumn, [
    format(o.subtitle, {
      computedAt: input.computedAt,
      phase: input.phase,
      errors: input.errors,
      warnings: input.warnings,
    }),
  ]);
  rows.put(s++, summaryColumn, [t.overview.legend]);

  // Coverage of each cycle, every name not yet visited (several rows when long), then the classes.
  row = Math.max(peopleEnd, s) + 1;
  rows.put(row, 0, [o.coverage]);
  rows.bold.add(row++);
  rows.header(row++, 0, o.coverageHeader);
  if (status.coverage.length === 0) rows.put(row++, 0, [o.none]);
  for (const line of status.coverage) {
    const share = line.total > 0 ? line.visited / line.total : null;
    const elapsed = elapsedShare(line.cycleStart, line.cycleEnd, asAt);
    const chunks: string[] = [];
    for (let i = 0; i < line.missing.length; i += MISSING_NAMES_PER_ROW)
      chunks.push(line.missing.slice(i, i + MISSING_NAMES_PER_ROW).join(sep));
    rows.put(
      row++,
      0,
      [
        line.unit,
        cycleText(line.cycleStart, line.cycleEnd),
        line.visited,
        line.total,
        percent(line.visited, line.total),
        chunks[0] ?? '',
      ],
      [null, null, null, null, aimColor(share, elapsed), null],
    );
    for (const chunk of chunks.slice(1)) rows.put(row++, 5, [chunk]);
  }
  row++;
  const semesterName = input.semester?.name ?? '';
  rows.put(row, 0, [
    semesterName === '' ? o.classes : format(t.semesterEngine.classesOf, { name: semesterName }),
  ]);
  rows.bold.add(row++);
  rows.header(row++, 0, o.classHeader);
  if (status.classes.length === 0) rows.put(row++, 0, [o.none]);
  for (const line of status.classes) {
    const share = line.students > 0 ? line.visited / line.students : null;
    rows.put(
      row++,
      0,
      [
        line.class,
        input.classTeachers?.get(nameKey(line.class)) ?? '',
        line.students,
        line.visited,
        percent(line.visited, line.students),
        line.inPerson,
        CLASS_IN_PERSON_MINIMUM,
      ],
      [
        null,
        null,
        null,
        null,
        aimColor(share, semesterElapsed),
        minimumColor(line.inPerson, CLASS_IN_PERSON_MINIMUM),
        null,
      ],
    );
  }
  rows.put(row++, 0, [format(o.classLegend, { minimum: CLASS_IN_PERSON_MINIMUM })]);

  const widths = [NAME_WIDTH, STATE_WIDTH, ...units.map(() => UNIT_WIDTH), GAP_WIDTH, ...SUMMARY_WIDTHS];
  return {
    grid: rows.grid,
    format: {
      frozenRows: STATUS_FROZEN_ROWS,
      widths,
      backgrounds: rows.backgrounds,
      boldRows: [...rows.bold].sort((a, b) => a - b),
      protect: true,
    },
  };
}
