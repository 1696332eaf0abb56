// `new-year` on an .xlsx workbook: without --yes only what it would do; with --yes the autumn roster saved, logged, and never twice.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { cli, sha256, tempDir } from './helpers';
import { openXlsx } from '../../src/local/xlsx-workbook';

let dir: string;
let file: string;
const NOW = new Date('2027-08-25T02:00:00Z');

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 'school.xlsx');
  expect((await cli(['init', file, '--sample', '--today', '2027-07-20'], NOW)).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function students(): Promise<unknown[][]> {
  return (await openXlsx(file)).read('学生') ?? [];
}

describe('new-year', () => {
  it('without --yes says what it would do and leaves the file alone', async () => {
    const before = await sha256(file);
    const run = await cli(['new-year', file, '--today', '2027-08-25'], NOW);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/将把“2027年春季学期”的 \d+ 名学生复制为“2027年秋季学期”的名单/);
    expect(run.out).toContain('未做任何更改；确认请加 --yes');
    expect(await sha256(file)).toBe(before);
  });

  it('with --yes appends the autumn roster, a grade up and without the sixth grade, and logs it', async () => {
    const before = await students();
    const spring = before.slice(1);
    const run = await cli(['new-year', file, '--today', '2027-08-25', '--yes'], NOW);
    expect(run).toMatchObject({ code: 0, err: '' });
    const after = await students();
    const header = after[0]!.map(String);
    const at = (key: string) => header.indexOf(key);
    const sixth = spring.filter((r) => String(r[at('班级')]).startsWith('六')).length;
    expect(after).toHaveLength(before.length + spring.length - sixth);
    const autumn = after.slice(before.length);
    expect(autumn.every((r) => r[at('学期')] === '2027年秋季学期')).toBe(true);
    expect(autumn.some((r) => String(r[at('班级')]).startsWith('一'))).toBe(false);
    // The first spring student of 一(1)班 is in 二(1)班 in the autumn, same 学号, name and guardian.
    const first = spring.find((r) => r[at('班级')] === '一(1)班')!;
    const moved = autumn.find((r) => r[at('学号')] === first[at('学号')])!;
    expect([moved[at('班级')], moved[at('姓名')], moved[at('监护人')]]).toEqual([
      '二(1)班',
      first[at('姓名')],
      first[at('监护人')],
    ]);
    expect(run.out).toMatch(new RegExp(`已为“2027年秋季学期”追加 ${autumn.length} 行学生`));
    const log = (await openXlsx(file)).read('修改日志') ?? [];
    expect(String(log[1]?.[4])).toContain('开始新学年');
  });

  it('refuses the second time with exit 1, and writes nothing', async () => {
    const before = await sha256(file);
    const run = await cli(['new-year', file, '--today', '2027-08-25', '--yes'], NOW);
    expect(run.code).toBe(1);
    expect(run.err).toContain('已有');
    expect(await sha256(file)).toBe(before);
  });

  it('names a semester the 学期 sheet does not list', async () => {
    const run = await cli(['new-year', file, '--to', '2030年秋季学期'], NOW);
    expect(run).toMatchObject({ code: 1, err: '“学期”表中没有“2030年秋季学期”。' });
  });
});
