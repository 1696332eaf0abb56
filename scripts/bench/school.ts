// Generated schools for the benchmarks: deterministic sheets of any number of visit rows, rich or plain.
import type { Cell, Grid } from '../../src/core/grid';
import type { SheetInput } from '../../src/core/engine';
import { defaultHeaders, sheetName, TABLE_KEYS, TABLES, type TableKey } from '../../src/core/tables';
import { defaultSettings, settingsRows, unitRows } from '../../src/core/defaults';
import { addDays, dateToSerial, serialToDate } from '../../src/core/dates';

/** The day every benchmark runs on: a reminder day (20th) in a running semester. */
export const TODAY = '2027-11-20';
/** Seven years of campaign, so that 100k rows are a plausible history, not 30 visits a day. */
export const CAMPAIGN_START = '2020-09-01';
/** The leaders who visit (教师0 … 教师14): five units, three people each. */
export const VISITORS = 15;

export interface SchoolShape {
  visitRows: number;
  /**
   * Plain rows, for the COUNTIFS peer: one target each, no co-visitor, every row valid and within the
   * visitor's groups, and no (visitor, target, month) twice, so that the engine's monthly count (distinct
   * people) equals the number of rows. Otherwise rich rows: two targets, a co-visitor on 1 row in 5, and
   * about 1 row in 100 naming someone outside the visitor's groups (a warning), as real sheets have.
   */
  plain?: boolean;
  /** People per target group (8 groups); default 20 (plain: enough for no repeats in a month). */
  targetsPerGroup?: number;
  /** Classes of 40 students; default 18. */
  classes?: number;
  /** Home-visit rows; default a tenth of the visit rows. */
  homeVisitRows?: number;
}

/** A deterministic generator: mulberry32. */
/** A row in the column order of TABLES, from cells by column key (the rest empty). */
function keyed(table: TableKey, cells: Record<string, Cell>): Cell[] {
  return TABLES[table].columns.map((c) => cells[c.key] ?? '');
}

export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEADER_UNITS = unitRows('zh')
  .slice(0, 5)
  .map((u) => ({ name: String(u[0]), groups: String(u[1]).split('、') }));

/** The leader unit of a visitor (教师i, i < VISITORS). */
export function unitOfVisitor(i: number): string {
  return LEADER_UNITS[i % 5]!.name;
}

/** The sheets of a generated school (Chinese headers; dates as serial numbers, as an .xlsx holds them). */
export function school(shape: SchoolShape): SheetInput[] {
  const { visitRows, plain = false } = shape;
  const rand = prng(visitRows + (plain ? 7 : 0));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const perGroup = shape.targetsPerGroup ?? (plain ? Math.max(20, Math.ceil(visitRows / 500)) : 20);
  const classes = shape.classes ?? 18;
  const settings = {
    ...defaultSettings('zh', TODAY),
    campaignStart: CAMPAIGN_START,
    semesterStart: '2027-09-01',
    semesterEnd: '2028-01-22',
    exemptMonths: [],
  };
  const groups = LEADER_UNITS.flatMap((u) => u.groups);
  const staff: Grid = [];
  for (let i = 0; i < 60; i++) {
    const unitsOf = i < VISITORS ? `${unitOfVisitor(i)}、全体教师` : '全体教师';
    staff.push(
      keyed('staff', {
        name: `教师${i}`,
        email: `t${i}@school.example`,
        units: unitsOf,
        className: `${(i % classes) + 1}班`,
        active: '是',
      }),
    );
  }
  const targets: Grid = [];
  for (const g of groups)
    for (let i = 0; i < perGroup; i++) targets.push(keyed('targets', { name: `${g}${i}`, group: g }));
  const students: Grid = [];
  for (let c = 1; c <= classes; c++)
    for (let i = 0; i < 40; i++)
      students.push(
        keyed('students', { studentId: `S${c}-${i}`, name: `学生${c}-${i}`, className: `${c}班` }),
      );

  const start = dateToSerial(CAMPAIGN_START);
  const days = dateToSerial(TODAY) - start;
  const seen = new Set<string>();
  const visits: Grid = [];
  for (let i = 0; i < visitRows; i++) {
    const visitor = Math.floor(rand() * VISITORS);
    const own = LEADER_UNITS[visitor % 5]!.groups;
    let date = start + Math.floor(rand() * days);
    let targetCell: string;
    let coVisitor = '';
    if (plain) {
      // Draw again until this visitor has not met this person in this month.
      for (;;) {
        const name = `${pick(own)}${Math.floor(rand() * perGroup)}`;
        const key = `${visitor}|${name}|${serialToDate(date)?.slice(0, 7)}`;
        if (!seen.has(key)) {
          seen.add(key);
          targetCell = name;
          break;
        }
        date = start + Math.floor(rand() * days);
      }
    } else {
      const group = rand() < 0.01 ? pick(groups) : pick(own);
      coVisitor = rand() < 0.2 ? `教师${Math.floor(rand() * VISITORS)}` : '';
      targetCell = `${group}${Math.floor(rand() * perGroup)}、${group}${Math.floor(rand() * perGroup)}`;
    }
    visits.push(
      keyed('visits', {
        id: `V-${i + 1}`,
        date,
        visitor: `教师${visitor}`,
        coVisitors: coVisitor,
        targets: targetCell,
        mode: pick(['上门', '电话', '来校', '集中走访', '面谈']),
        record: '情况记录',
        followUp: plain ? pick(['已解决', '无需处理']) : pick(['及时汇报', '研究实践', '已解决', '无需处理']),
      }),
    );
  }
  const homeVisits: Grid = [];
  const homeRows = shape.homeVisitRows ?? Math.floor(visitRows / 10);
  for (let i = 0; i < homeRows; i++) {
    const c = 1 + Math.floor(rand() * classes);
    homeVisits.push(
      keyed('homeVisits', {
        id: `H-${i + 1}`,
        date: dateToSerial(addDays('2027-09-01', Math.floor(rand() * 80))),
        className: `${c}班`,
        students: `学生${c}-${Math.floor(rand() * 40)}`,
        teacher: `教师${Math.floor(rand() * 60)}`,
        mode: pick(['上门', '电话', '来校']),
        record: '记录',
      }),
    );
  }
  const data: Partial<Record<TableKey, Grid>> = {
    settings: settingsRows(settings, 'zh'),
    units: unitRows('zh'),
    staff,
    targets,
    students,
    visits,
    homeVisits,
    rectification: [],
    suggestions: [],
  };
  return TABLE_KEYS.map((key) => ({
    name: sheetName(key, 'zh'),
    grid: [defaultHeaders(key, 'zh'), ...(data[key] ?? [])],
  }));
}

/** The grid of one table of a generated school. */
export function gridOf(sheets: readonly SheetInput[], key: TableKey): Grid {
  const sheet = sheets.find((s) => s.name === sheetName(key, 'zh'));
  if (sheet === undefined) throw new Error(`no ${key} sheet`);
  return sheet.grid;
}
