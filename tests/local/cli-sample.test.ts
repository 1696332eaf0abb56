// init --sample, then validate and status on the written .xlsx: exactly the intended problems, figures cross-checked.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, sha256, tempDir } from './helpers';
import { sampleSchool } from '../../src/core/sample/sample-school';
import { parseDateText } from '../../src/core/dates';
import { splitList } from '../../src/core/names';
import type { Cell } from '../../src/core/grid';

const TODAY = '2027-11-15';
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 's.xlsx');
  const run = await cli(['init', file, '--sample', '--today', TODAY]);
  expect(run).toMatchObject({ code: 0, err: '' });
  expect(run.out).toContain(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const key = (p: { sheet: string; row: number; code: string }) => `${p.sheet}!${p.row} ${p.code}`;

describe('validate on the sample workbook', () => {
  it('reports exactly the deliberately bad rows, and exits 1 for their errors', async () => {
    const run = await cli(['validate', file, '--today', TODAY, '--json']);
    expect(run.code).toBe(1);
    const { problems } = JSON.parse(run.out) as { problems: { sheet: string; row: number; code: string }[] };
    const intended = sampleSchool(TODAY, 'zh').intended;
    expect(intended.length).toBeGreaterThanOrEqual(14);
    expect(new Set(problems.map(key))).toEqual(new Set(intended.map(key)));
    expect(problems).toHaveLength(intended.length);
  });

  it('lists each problem as "sheet!row column: message" in Chinese, with a summary', async () => {
    const run = await cli(['validate', file, '--today', TODAY]);
    expect(run.code).toBe(1);
    const lines = run.out.split('\n').filter((l) => l !== '');
    const intended = sampleSchool(TODAY, 'zh').intended;
    expect(lines).toHaveLength(intended.length + 1);
    expect(lines).toContainEqual(
      expect.stringMatching(/^错误 {2}走访记录!\d+ 走访日期：日期“\d{4}\/2\/30”无法识别/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^提醒 {2}家访记录!\d+ 协同教师：上门家访没有协同教师/),
    );
    const errors = intended.filter((p) => p.severity === 'error').length;
    expect(lines.at(-1)).toBe(`${errors} 个错误，${intended.length - errors} 条提醒`);
  });

  it('never writes the workbook', async () => {
    const before = await sha256(file);
    await cli(['validate', file, '--today', TODAY]);
    await cli(['status', file, '--today', TODAY]);
    expect(await sha256(file)).toBe(before);
  });
});

/** A cell as exceljs gives it: a date cell is a Date. */
type ExcelCell = Cell | Date;

/** The sample's rows read back from the file, by header text, for counting by hand. */
async function sheetRows(sheet: string): Promise<Record<string, ExcelCell>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(sheet)!;
  const header = (ws.getRow(1).values as ExcelCell[]).slice(1).map(String);
  const rows: Record<string, ExcelCell>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as ExcelCell[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
    (rows.at(-1) as Record<string, ExcelCell>).__row = n;
  });
  return rows;
}

function isoOf(cell: ExcelCell): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return typeof cell === 'string' ? parseDateText(cell) : null;
}

describe('status --json on the sample workbook', () => {
  it('prints the §6 object, with problems the same as validate', async () => {
    const run = await cli(['status', file, '--today', TODAY, '--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.out);
    expect(Object.keys(status)).toEqual([
      'month',
      'today',
      'people',
      'coverage',
      'semester',
      'classes',
      'followUps',
      'rectification',
      'problems',
    ]);
    expect(status.month).toBe('2027-11');
    expect(status.today).toBe(TODAY);
    for (const p of status.people) {
      expect(Object.keys(p).sort()).toEqual(['count', 'minimum', 'name', 'status', 'unit']);
      expect(['met', 'missed', 'behind', 'on_track', 'exempt']).toContain(p.status);
    }
    expect(new Set(status.people.map((p: { status: string }) => p.status))).toEqual(
      new Set(['met', 'behind', 'on_track']),
    );
    for (const c of status.coverage) {
      expect(Object.keys(c).sort()).toEqual([
        'cycleEnd',
        'cycleStart',
        'missing',
        'total',
        'unit',
        'visited',
      ]);
      expect(c.missing).toHaveLength(c.total - c.visited);
    }
    expect(status.classes).toHaveLength(18);
    for (const c of status.classes)
      expect(Object.keys(c).sort()).toEqual(['class', 'inPerson', 'students', 'visited']);
    const validate = JSON.parse((await cli(['validate', file, '--today', TODAY, '--json'])).out);
    expect(status.problems).toEqual(validate.problems);
    // Contact details never appear.
    expect(run.out).not.toMatch(/\*\*\*\*/);
  });

  it('agrees with counts made by hand from the rows: a leader in October, and each class', async () => {
    const intendedErrors = new Set(
      sampleSchool(TODAY, 'zh')
        .intended.filter((p) => p.severity === 'error')
        .map((p) => `${p.sheet}!${p.row}`),
    );
    const visits = (await sheetRows('走访记录')).filter((r) => !intendedErrors.has(`走访记录!${r.__row}`));
    const targets = await sheetRows('走访对象');
    const principalGroups = new Set(['家委会成员', '社会贤达人士']);
    const inGroups = new Set(
      targets.filter((t) => principalGroups.has(String(t['类别']))).map((t) => String(t['姓名'])),
    );
    const staff = await sheetRows('人员');
    const principal = String(staff[0]!['姓名']);

    const october = JSON.parse(
      (await cli(['status', file, '--today', TODAY, '--month', '2027-10', '--json'])).out,
    );
    const seen = new Set<string>();
    for (const v of visits) {
      const date = isoOf(v['走访日期']!);
      if (date === null || !date.startsWith('2027-10')) continue;
      const people = [String(v['走访人']), ...splitList(String(v['同行人'] ?? ''))].map((n) =>
        n.replace(/\s/g, ''),
      );
      if (!people.includes(principal)) continue;
      for (const t of splitList(String(v['走访对象']))) if (inGroups.has(t)) seen.add(t);
    }
    const line = october.people.find(
      (p: { name: string; unit: string }) => p.name === principal && p.unit === '校长室',
    );
    expect(line.count).toBe(seen.size);
    expect(line.status).toBe(seen.size >= 5 ? 'met' : 'missed');

    const homeVisits = (await sheetRows('家访记录')).filter(
      (r) => !intendedErrors.has(`家访记录!${r.__row}`),
    );
    // November's class figures are the autumn's: its roster, its home visits.
    const students = (await sheetRows('学生')).filter((s) => s['学期'] === '2027年秋季学期');
    const november = JSON.parse((await cli(['status', file, '--today', TODAY, '--json'])).out);
    for (const line of november.classes as {
      class: string;
      students: number;
      visited: number;
      inPerson: number;
    }[]) {
      const roster = students.filter((s) => s['班级'] === line.class);
      const idOf = (token: string) =>
        roster.find((s) => s['姓名'] === token || s['学号'] === token)?.['学号'] as string | undefined;
      const visited = new Set<string>();
      const inPerson = new Set<string>();
      const autumnVisits = homeVisits.filter((h) => (isoOf(h['家访日期']!) ?? '') >= '2027-09-01');
      for (const v of autumnVisits.filter((h) => h['班级'] === line.class)) {
        for (const token of splitList(String(v['学生']))) {
          const id = idOf(token);
          if (id === undefined) continue;
          visited.add(id);
          if (v['方式'] === '上门') inPerson.add(id);
        }
      }
      expect([line.students, line.visited, line.inPerson]).toEqual([
        roster.length,
        visited.size,
        inPerson.size,
      ]);
    }
  });

  it('prints readable tables in text mode, long lists cut with "等 N 人"', async () => {
    const run = await cli(['status', file, '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('2027-11 走访进度（截至 2027-11-15）');
    expect(run.out).toMatch(/^部门\s+人员\s+已走访\s+至少\s+状态$/m);
    expect(run.out).toMatch(/^校长室\s+\S+\s+\d+\s+5\s+(达标|进行中|落后)$/m);
    expect(run.out).toMatch(/等 \d+ 人/);
    expect(run.out).toMatch(/^一\(1\)班\s+\d+\s+\d+\s+\d+%\s+\d+/m);
    expect(run.out).not.toMatch(/\*\*\*\*/);
    // A class short of in-person visits is marked "!", and the mark is explained under the table.
    if (/^\S+班\s.*!$/m.test(run.out)) expect(run.out).toContain('“!”：本学期上门家访少于 2 人');
  });
});

describe('the campaign year (issue 9)', () => {
  it('has set-up’s two semesters and the sample’s heads of unit in the file', async () => {
    const semesters = await sheetRows('学期');
    expect(semesters.map((r) => [r['学期'], isoOf(r['开始日期']!), isoOf(r['结束日期']!)])).toEqual([
      ['2027年春季学期', '2027-02-17', '2027-07-05'],
      ['2027年秋季学期', '2027-09-01', '2028-01-22'],
    ]);
    const units = await sheetRows('部门指标');
    const staff = new Set((await sheetRows('人员')).map((r) => String(r['姓名'])));
    const heads = units.filter((u) => u['负责人'] !== null).map((u) => String(u['负责人']));
    expect(heads.length).toBe(2);
    for (const head of heads) expect(staff).toContain(head);
  });

  it('status --month 2027-05 shows the spring’s classes and --month 2027-10 the autumn’s', async () => {
    const students = await sheetRows('学生');
    for (const [month, semester] of [
      ['2027-05', '2027年春季学期'],
      ['2027-10', '2027年秋季学期'],
    ] as const) {
      const status = JSON.parse(
        (await cli(['status', file, '--today', TODAY, '--month', month, '--json'])).out,
      ) as { semester?: { name: string }; classes: { class: string; students: number }[] };
      expect(status.semester?.name).toBe(semester);
      const sizes: Record<string, number> = {};
      for (const s of students.filter((r) => r['学期'] === semester))
        sizes[String(s['班级'])] = (sizes[String(s['班级'])] ?? 0) + 1;
      expect(Object.fromEntries(status.classes.map((c) => [c.class, c.students]))).toEqual(sizes);
    }
  });

  it('validate finds no spring home visit outside every semester: only the deliberate summer one', async () => {
    const { problems } = JSON.parse((await cli(['validate', file, '--today', TODAY, '--json'])).out) as {
      problems: { sheet: string; row: number; code: string }[];
    };
    const outside = problems.filter((p) => p.code === 'HOME_VISIT_OUTSIDE_SEMESTER');
    expect(outside).toHaveLength(1);
    const row = (await sheetRows('家访记录')).find((r) => r.__row === outside[0]!.row)!;
    const date = isoOf(row['家访日期']!)!;
    expect(date > '2027-07-05' && date < '2027-09-01').toBe(true);
  });
});

describe('photo links on the sample workbook', () => {
  it("are in a few visits' 照片 cells and never in the monthly report", async () => {
    const visits = await sheetRows('走访记录');
    const links = visits.flatMap((r) => String(r['照片'] ?? '').split('\n')).filter((l) => l !== '');
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links.every((l) => l.startsWith('https://photos.example.edu.cn/2027/'))).toBe(true);
    // Every month that has a linked visit: its report, printed and written as a page, shows none.
    const months = [...new Set(links.map((l) => l.slice(30, 37).replace('/', '-')))];
    expect(months.length).toBeGreaterThanOrEqual(2);
    for (const month of months) {
      const page = path.join(dir, `report-${month}.html`);
      const run = await cli(['report', file, '--month', month, '--today', TODAY, '--out', page]);
      expect(run.code).toBe(0);
      const html = await fs.readFile(page, 'utf8');
      expect(html).toContain(month);
      expect(html).not.toContain('photos.example');
      expect((await cli(['report', file, '--month', month, '--today', TODAY])).out).not.toContain(
        'photos.example',
      );
    }
  });
});

describe('an English sample workbook', () => {
  it('has English sheets and says its problems in English', async () => {
    const enFile = path.join(dir, 'en.xlsx');
    expect((await cli(['init', enFile, '--sample', '--lang', 'en', '--today', TODAY])).code).toBe(0);
    const run = await cli(['validate', enFile, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^Error {2}Visits!\d+ Date: The date "\d{4}\/2\/30" is not recognised/m);
    expect(run.out).toMatch(
      /^Warning {2}Home visits!\d+ Co-teachers: In-person home visit with no co-teacher/m,
    );
    const intended = sampleSchool(TODAY, 'en').intended;
    const { problems } = JSON.parse((await cli(['validate', enFile, '--today', TODAY, '--json'])).out);
    expect(new Set(problems.map(key))).toEqual(new Set(intended.map(key)));
    const status = (await cli(['status', enFile, '--today', TODAY])).out;
    expect(status).toContain('Visit progress for 2027-11 (as of 2027-11-15)');
    expect(status).toMatch(/and \d+ more/);
  });
});

describe('without --today', () => {
  it('init --sample and validate both take today in the school time zone, and agree', async () => {
    // 2027-11-14 20:00 UTC is already 2027-11-15 in Asia/Shanghai.
    const now = new Date('2027-11-14T20:00:00Z');
    const plain = path.join(dir, 'plain.xlsx');
    expect((await cli(['init', plain, '--sample'], now)).out).toContain('2027-11-15');
    const run = await cli(['validate', plain, '--json'], now);
    expect(run.code).toBe(1);
    const { problems } = JSON.parse(run.out);
    expect(new Set(problems.map(key))).toEqual(new Set(sampleSchool('2027-11-15', 'zh').intended.map(key)));
    const status = JSON.parse((await cli(['status', plain, '--json'], now)).out);
    expect([status.month, status.today]).toEqual(['2027-11', '2027-11-15']);
  });
});
