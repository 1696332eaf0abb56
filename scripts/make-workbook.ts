// Makes a big, deterministic campaign workbook (.xlsx, set up as `init` does) for timing the command line.
//
//   npx esbuild scripts/make-workbook.ts --bundle --platform=node --packages=external --outfile=dist-node/make-workbook.js
//   node dist-node/make-workbook.js BIG.xlsx 100000
//
// Then time `node dist-node/cli.js status BIG.xlsx --json --today 2027-11-20`. The rows are those of
// `bigCampaignRows`, which the engine benchmark can reuse: seven years of visits by 15 leaders, about one
// row in a hundred naming someone outside the visitor's groups, a tenth as many home visits this semester.
import { dateToSerial, addDays, type IsoDate } from '../src/core/dates';
import { defaultSettings, settingsRows } from '../src/core/defaults';
import type { Cell } from '../src/core/grid';
import { zh } from '../src/core/i18n/zh';
import { sheetName, TABLES, type TableKey } from '../src/core/tables';
import { setUpWorkbook } from '../src/app/setup';
import { newXlsx, type XlsxWorkbook } from '../src/local/xlsx-workbook';

/** The day the generated campaign is counted to. */
export const BIG_TODAY: IsoDate = '2027-11-20';

/** A row in the column order of TABLES, from cells by column key (the rest empty). */
function keyed(table: TableKey, cells: Record<string, Cell>): Cell[] {
  return TABLES[table].columns.map((c) => cells[c.key] ?? '');
}

/** A deterministic generator: mulberry32. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The data rows of each roster and record table (no header), with dates as text `YYYY-MM-DD`. */
export interface BigCampaign {
  settings: Cell[][];
  rows: Partial<Record<TableKey, Cell[][]>>;
}

/** A campaign with `visitRows` visit rows and a tenth as many home-visit rows, Chinese sheets. */
export function bigCampaignRows(visitRows: number, today: IsoDate = BIG_TODAY): BigCampaign {
  const rand = prng(visitRows);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const settings = {
    ...defaultSettings('zh', today),
    // Seven years of campaign, so that 100k rows are a plausible history, not 30 visits a day.
    campaignStart: '2020-09-01',
    semesterStart: '2027-09-01',
    semesterEnd: '2028-01-22',
    exemptMonths: [],
  };
  const units = zh.defaults.units.slice(0, 5);
  const leaderUnits = units.map((u) => u.name);
  const unitGroups = units.map((u) => u.groups.split('、'));
  const groups = unitGroups.flat();
  const staff: Cell[][] = [];
  for (let i = 0; i < 60; i++) {
    const unitsOf = i < 15 ? `${leaderUnits[i % 5]}、全体教师` : '全体教师';
    staff.push(
      keyed('staff', {
        name: `教师${i}`,
        email: `t${i}@school.example`,
        units: unitsOf,
        className: `${(i % 18) + 1}班`,
        active: '是',
      }),
    );
  }
  const targets: Cell[][] = [];
  for (const g of groups)
    for (let i = 0; i < 20; i++) targets.push(keyed('targets', { name: `${g}${i}`, group: g }));
  const students: Cell[][] = [];
  for (let c = 1; c <= 18; c++)
    for (let i = 0; i < 40; i++)
      students.push(
        keyed('students', { studentId: `S${c}-${i}`, name: `学生${c}-${i}`, className: `${c}班` }),
      );
  const start = '2020-09-01';
  const days = dateToSerial(today) - dateToSerial(start);
  const visits: Cell[][] = [];
  for (let i = 0; i < visitRows; i++) {
    const visitor = Math.floor(rand() * 15);
    const group = rand() < 0.01 ? pick(groups) : pick(unitGroups[visitor % 5] ?? groups);
    const date = addDays(start, Math.floor(rand() * days));
    visits.push(
      keyed('visits', {
        id: `V-${i + 1}`,
        date,
        visitor: `教师${visitor}`,
        coVisitors: rand() < 0.2 ? `教师${Math.floor(rand() * 15)}` : '',
        targets: `${group}${Math.floor(rand() * 20)}、${group}${Math.floor(rand() * 20)}`,
        mode: pick(['上门', '电话', '来校', '集中走访', '面谈']),
        record: '情况记录',
        followUp: pick(['及时汇报', '研究实践', '已解决', '无需处理']),
      }),
    );
  }
  const homeVisits: Cell[][] = [];
  for (let i = 0; i < visitRows / 10; i++) {
    const c = 1 + Math.floor(rand() * 18);
    homeVisits.push(
      keyed('homeVisits', {
        id: `H-${i + 1}`,
        date: addDays('2027-09-01', Math.floor(rand() * 80)),
        className: `${c}班`,
        students: `学生${c}-${Math.floor(rand() * 40)}`,
        teacher: `教师${Math.floor(rand() * 60)}`,
        mode: pick(['上门', '电话', '来校']),
        record: '记录',
      }),
    );
  }
  return {
    settings: settingsRows(settings, 'zh'),
    rows: { staff, targets, students, visits, homeVisits },
  };
}

/** Date columns hold real spreadsheet dates (serial numbers under a date format), as `init` writes them. */
function asSheetRow(table: TableKey, row: Cell[]): Cell[] {
  return row.map((cell, c) =>
    TABLES[table].columns[c]?.kind === 'date' && typeof cell === 'string' && cell !== ''
      ? dateToSerial(cell)
      : cell,
  );
}

/** The workbook `init` would make, with the big campaign's settings and rows. */
export function bigWorkbook(visitRows: number, today: IsoDate = BIG_TODAY): XlsxWorkbook {
  const campaign = bigCampaignRows(visitRows, today);
  const workbook = newXlsx();
  setUpWorkbook(workbook, 'zh', today);
  const settingsSheet = sheetName('settings', 'zh');
  workbook.writeColumn(
    settingsSheet,
    1,
    2,
    campaign.settings.map((row) => row[1] ?? null),
  );
  for (const [table, rows] of Object.entries(campaign.rows) as [TableKey, Cell[][]][]) {
    if (rows.length > 0)
      workbook.append(
        sheetName(table, 'zh'),
        rows.map((row) => asSheetRow(table, row)),
      );
  }
  return workbook;
}

async function main(args: string[]): Promise<void> {
  const [file, rows = '100000'] = args;
  if (file === undefined || !/^\d+$/.test(rows)) {
    console.error('usage: node make-workbook.js FILE.xlsx [VISIT_ROWS]');
    process.exit(2);
  }
  await bigWorkbook(Number(rows)).save(file);
  console.log(`wrote ${file}: ${rows} visit rows, ${Math.floor(Number(rows) / 10)} home-visit rows`);
}

if (require.main === module) void main(process.argv.slice(2));
