// `visit-ledger summary`: --semester and --year as tables, an A4 page with charts, an .xlsx sheet; a bad name or option says so.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { newXlsx, openXlsx } from '../../src/local/xlsx-workbook';
import { cli, sha256, tempDir } from '../local/helpers';
import { SPRING, yearSchool } from './year-school';

const NOW = new Date('2028-02-10T01:30:00Z');
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 'school.xlsx');
  const book = newXlsx();
  for (const { name, grid } of yearSchool()) book.replace(name, grid, {});
  await book.save(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('prints the year summary with the bureau’s table first, and leaves the workbook as it was', async () => {
  const before = await sha256(file);
  const run = await cli(['summary', file, '--year', '--today', '2028-02-10'], NOW);
  expect(run.code).toBe(0);
  expect(run.err).toBe('');
  const lines = run.out.split('\n');
  expect(lines[0]).toBe('“三大一实干”大走访 年度总结');
  expect(run.out).toContain('起止：2027-02-17 至 2028-01-20');
  expect(run.out).toContain('生成时间：2028-02-10 09:30');
  const bureau = lines.indexOf('一、走访工作情况统计表（报教育局）（截至 2028-01-20）');
  expect(bureau).toBeGreaterThan(0);
  expect(lines.slice(bureau, bureau + 12).join('\n')).toMatch(/走访次数（走访与家访）\s+12/);
  expect(run.out).toMatch(/建立长效机制（项）\s+2/);
  expect(run.out).toContain('食堂每周公示菜谱');
  expect(run.out).not.toMatch(/13800000001|13900000001|王爸爸/);
  expect(await sha256(file)).toBe(before);
});

it('prints a semester summary by its name', async () => {
  const run = await cli(['summary', file, '--semester', SPRING, '--today', '2027-07-10'], NOW);
  expect(run.code).toBe(0);
  expect(run.out.split('\n')[0]).toBe(`“三大一实干”大走访 ${SPRING} 学期总结`);
  expect(run.out).toContain('一、走访工作情况统计（截至 2027-07-05）');
  // 张校长: April met of April–June.
  expect(run.out).toMatch(/张校长\s+校长室\s+1\s+3/);
});

it('writes the year summary as an A4 page with one chart per unit and nothing fetched from elsewhere', async () => {
  const out = path.join(dir, 'year.html');
  const run = await cli(['summary', file, '--year', '--today', '2028-02-10', '--out', out], NOW);
  expect(run).toMatchObject({ code: 0, out: `已写入 ${out}` });
  const html = await fs.readFile(out, 'utf8');
  expect(html).toContain('@page { size: A4;');
  expect(html).not.toMatch(/\b(src|href)\s*=|url\(|@import|<link|<script|<iframe|<img|https?:/i);
  // The school's chart, then completion by month: 校长室 and 发展中心 8 months each (April–January less July and
  // August), 全体教师 9 (March–June of the spring, September–January of the autumn).
  expect(html.match(/<svg /g)).toHaveLength(4);
  const charts = /<div class="charts" data-section="unitMonths">([^]*?)<\/div>/.exec(html)?.[1] ?? '';
  expect(charts.match(/<figcaption>/g)).toHaveLength(3);
  expect(charts.match(/<rect /g)).toHaveLength(8 + 8 + 9);
  expect(html).toContain('<title>27-10 50%</title>');
  expect(html).toContain('走访工作情况统计表（报教育局）');
  // Contact details never appear (陈红's number, 王芳's guardian and number are in the workbook).
  expect(html).not.toMatch(/13800000001|13900000001|王爸爸/);
});

it('writes the summary as an .xlsx whose one sheet is 学期报<semester>', async () => {
  const out = path.join(dir, 'spring.xlsx');
  const run = await cli(['summary', file, '--semester', SPRING, '--today', '2027-07-10', '--out', out], NOW);
  expect(run).toMatchObject({ code: 0, out: `已写入 ${out}` });
  const book = await openXlsx(out);
  expect(book.sheetNames()).toEqual([`学期报${SPRING}`]);
  const cells = (book.read(`学期报${SPRING}`) ?? []).flat();
  expect(cells).toContain('走访次数（走访与家访）');
  expect(cells).toContain('每月第一周召开办公室教师座谈会');
});

it('names the semesters when none has the name given, exit 2, in one line', async () => {
  const run = await cli(['summary', file, '--semester', '2026年秋季学期', '--today', '2028-02-10'], NOW);
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  expect(run.err).toBe('没有名为“2026年秋季学期”的学期。工作簿中的学期：2027年春季学期、2027年秋季学期');
});

it.each([
  [['summary', 'x.xlsx'], '请给出 --semester 学期名 或 --year（二者选一）'],
  [['summary', 'x.xlsx', '--year', '--semester', SPRING], '请给出 --semester 学期名 或 --year（二者选一）'],
  [
    ['summary', 'x.xlsx', '--year', '--out', 'y.pdf'],
    '选项“--out y.pdf”无效：应以 .html 或 .xlsx 结尾，且不能是工作簿本身',
  ],
])('%j → %s, exit 2 with the usage', async (args, message) => {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.err.split('\n')[0]).toBe(message);
  expect(run.err).toContain('summary FILE (--semester NAME | --year)');
});

it('answers summary --help with its usage line', async () => {
  const run = await cli(['summary', '--help']);
  expect(run).toMatchObject({
    code: 0,
    out: '用法：visit-ledger summary FILE (--semester NAME | --year) [--today YYYY-MM-DD] [--out F.html|F.xlsx]',
  });
});
