// Times the engine alone (parse, check, count) on generated workbooks of 1k, 10k and 100k visit rows.
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseGrid, type Grid } from '../src/core/grid';
import { loadCampaign, computeStatus, type SheetInput } from '../src/core/engine';
import { defaultHeaders, sheetName, TABLE_KEYS, type TableKey } from '../src/core/tables';
import { defaultSettings, settingsRows, unitRows } from '../src/core/defaults';
import { dateToSerial, addDays } from '../src/core/dates';

const TODAY = '2027-11-20';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = 5;

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

function workbook(visitRows: number): SheetInput[] {
  const rand = prng(visitRows);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const settings = {
    ...defaultSettings('zh', TODAY),
    // Seven years of campaign, so that 100k rows are a plausible history, not 30 visits a day.
    campaignStart: '2020-09-01',
    semesterStart: '2027-09-01',
    semesterEnd: '2028-01-22',
    exemptMonths: [],
  };
  const units = unitRows('zh');
  const leaderUnits = units.slice(0, 5).map((u) => String(u[0]));
  const unitGroups = units.slice(0, 5).map((u) => String(u[1]).split('、'));
  const groups = unitGroups.flat();
  const staff: Grid = [];
  for (let i = 0; i < 60; i++) {
    const unitsOf = i < 15 ? `${leaderUnits[i % 5]}、全体教师` : '全体教师';
    staff.push([`教师${i}`, `t${i}@school.example`, unitsOf, '', `${(i % 18) + 1}班`, '是']);
  }
  const targets: Grid = [];
  groups.forEach((g, gi) => {
    for (let i = 0; i < 20; i++) targets.push([`${g}${i}`, g, '', '']);
    void gi;
  });
  const students: Grid = [];
  for (let c = 1; c <= 18; c++)
    for (let i = 0; i < 40; i++) students.push([`S${c}-${i}`, `学生${c}-${i}`, `${c}班`, '', '', '']);
  const start = dateToSerial('2020-09-01');
  const days = dateToSerial(TODAY) - start;
  const visits: Grid = [];
  for (let i = 0; i < visitRows; i++) {
    const visitor = Math.floor(rand() * 15);
    // About 1 row in 100 names someone outside the visitor's groups (a warning), as real sheets do.
    const group = rand() < 0.01 ? pick(groups) : pick(unitGroups[visitor % 5] ?? groups);
    visits.push([
      `V-${i + 1}`,
      start + Math.floor(rand() * days),
      `教师${visitor}`,
      rand() < 0.2 ? `教师${Math.floor(rand() * 15)}` : '',
      `${group}${Math.floor(rand() * 20)}、${group}${Math.floor(rand() * 20)}`,
      pick(['上门', '电话', '来校', '集中走访', '面谈']),
      '',
      '情况记录',
      '',
      pick(['及时汇报', '研究实践', '已解决', '无需处理']),
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  const homeVisits: Grid = [];
  for (let i = 0; i < visitRows / 10; i++) {
    const c = 1 + Math.floor(rand() * 18);
    homeVisits.push([
      `H-${i + 1}`,
      addDays('2027-09-01', Math.floor(rand() * 80)),
      `${c}班`,
      `学生${c}-${Math.floor(rand() * 40)}`,
      `教师${Math.floor(rand() * 60)}`,
      '',
      pick(['上门', '电话', '来校']),
      '',
      '',
      '',
      '记录',
      '',
      '',
      '',
      '',
    ]);
  }
  const data: Partial<Record<TableKey, Grid>> = {
    settings: settingsRows(settings, 'zh'),
    units,
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const lines: string[] = [];
for (const size of SIZES) {
  const sheets = workbook(size);
  const parse: number[] = [];
  const load: number[] = [];
  const count: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    for (const s of sheets)
      parseGrid(TABLE_KEYS.find((k) => sheetName(k, 'zh') === s.name) ?? 'visits', s.name, s.grid);
    parse.push(performance.now() - t);
    t = performance.now();
    const campaign = loadCampaign(sheets, TODAY);
    load.push(performance.now() - t);
    t = performance.now();
    computeStatus(campaign, '2027-11', TODAY);
    count.push(performance.now() - t);
  }
  const p = median(parse);
  const l = median(load);
  const c = median(count);
  lines.push(
    `| ${size.toLocaleString('en')} | ${(size / 10).toLocaleString('en')} | ${p.toFixed(1)} | ${(l - p).toFixed(1)} | ${c.toFixed(1)} | ${(l + c).toFixed(1)} |`,
  );
  console.log(lines[lines.length - 1]);
}

const section = [
  '<!-- engine-bench:start -->',
  '## Engine (parse, check, count)',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, median of ${RUNS} runs, milliseconds.`,
  'Parse = reading grids by header; check = the §4 rules on every row (load minus parse); count = the §3 figures of one month.',
  '',
  '| visit rows | home-visit rows | parse | check | count | total |',
  '|---:|---:|---:|---:|---:|---:|',
  ...lines,
  '<!-- engine-bench:end -->',
].join('\n');

const path = 'docs/benchmarks.md';
const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
const updated = /<!-- engine-bench:start -->[\s\S]*<!-- engine-bench:end -->/.test(old)
  ? old.replace(/<!-- engine-bench:start -->[\s\S]*<!-- engine-bench:end -->/, section)
  : `${old.trimEnd()}\n\n${section}\n`;
writeFileSync(path, updated);
console.log(`wrote ${path}`);
