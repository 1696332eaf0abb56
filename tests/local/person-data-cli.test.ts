// export and erase on the command line (issue 11, PIPL): every row naming the person or student, and nothing else; erase keeps every count.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { cli, sha256, tempDir } from './helpers';
import { writePersonSchool } from './person-data-fixture';

const STATUS = ['--month', '2027-04', '--today', '2027-04-20', '--json'];

async function sheetsOf(file: string): Promise<Record<string, unknown[][]>> {
  const book = await openXlsx(file);
  const out: Record<string, unknown[][]> = {};
  for (const name of book.sheetNames()) out[name] = book.read(name) ?? [];
  return out;
}

/** Column `header` of a sheet's rows (the header row left out). */
function column(grid: unknown[][] | undefined, header: string): unknown[] {
  const rows = grid ?? [];
  const c = (rows[0] ?? []).indexOf(header);
  return rows.slice(1).map((line) => line[c] ?? null);
}

describe('export', () => {
  it('writes every row naming a staff member, in each role, with each sheet’s header, and leaves the workbook as it was', async () => {
    const dir = await tempDir();
    const file = await writePersonSchool(dir);
    const before = await sha256(file);
    const out = path.join(dir, 'zhao.xlsx');
    const run = await cli(['export', file, '--person', '赵老师', '--out', out]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('赵老师');
    expect(await sha256(file)).toBe(before);
    const sheets = await sheetsOf(out);
    expect(Object.keys(sheets)).toEqual(['人员', '走访记录', '家访记录', '问题整改', '献计']);
    expect(column(sheets['人员'], '姓名')).toEqual(['赵老师']);
    expect(column(sheets['走访记录'], '走访日期')).toEqual([
      '2027-04-05',
      '2027-04-06',
      '2027-04-07',
      '2027-04-08',
      '2027-04-09',
    ]);
    expect(column(sheets['家访记录'], '家访日期')).toEqual(['2027-04-05', '2027-04-07']);
    expect(column(sheets['问题整改'], '编号')).toEqual(['R-1']);
    expect(column(sheets['献计'], '编号')).toEqual(['S-1']);
    expect(sheets['走访记录']?.[0]?.[0]).toBe('编号');
  });

  it('writes a student’s rows of every semester and the home visits naming them in their class or by 学号, not another 王芳', async () => {
    const dir = await tempDir();
    const file = await writePersonSchool(dir);
    const out = path.join(dir, 's101.xlsx');
    expect((await cli(['export', file, '--student', 'S101', '--out', out])).code).toBe(0);
    const sheets = await sheetsOf(out);
    expect(Object.keys(sheets)).toEqual(['学生', '家访记录']);
    expect(column(sheets['学生'], '学期')).toEqual(['2027春', '2027秋']);
    expect(column(sheets['家访记录'], '班级')).toEqual(['一(1)班', '一(1)班']);
    expect(column(sheets['家访记录'], '学生')).toEqual(['王芳、李明', 'S101']);
  });

  it('says so and writes nothing for a name found nowhere; refuses an existing file without --force; needs one of --person and --student', async () => {
    const dir = await tempDir();
    const file = await writePersonSchool(dir);
    const out = path.join(dir, 'nobody.xlsx');
    const none = await cli(['export', file, '--person', '无此人', '--out', out]);
    expect(none.code).toBe(0);
    expect(none.out).toContain('无此人');
    expect(existsSync(out)).toBe(false);
    const taken = path.join(dir, 'taken.xlsx');
    expect((await cli(['export', file, '--person', '赵老师', '--out', taken])).code).toBe(0);
    const again = await cli(['export', file, '--person', '赵老师', '--out', taken]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect((await cli(['export', file, '--person', '赵老师', '--out', taken, '--force'])).code).toBe(0);
    expect((await cli(['export', file, '--out', taken])).code).toBe(2);
    expect((await cli(['export', file, '--person', 'a', '--student', 'b', '--out', taken])).code).toBe(2);
    expect((await cli(['export', file, '--person', '赵老师'])).code).toBe(2);
    expect(
      (await cli(['export', path.join(dir, 'missing.xlsx'), '--person', '赵老师', '--out', out])).code,
    ).toBe(2);
  });
});

describe('erase', () => {
  it('without --yes says what it would change, per sheet, and changes nothing', async () => {
    const dir = await tempDir();
    const file = await writePersonSchool(dir);
    const before = await sha256(file);
    const run = await cli(['erase', file, '--person', '赵老师']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/人员 2、走访记录 5、家访记录 2、问题整改 1、献计 1/u);
    expect(run.out).toContain('--yes');
    expect(await sha256(file)).toBe(before);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('with --yes replaces the staff member by 已删除-1 everywhere, blanks the e-mail, keeps every count and logs one line without the name', async () => {
    const dir = await tempDir();
    const file = await writePersonSchool(dir);
    const statusBefore = (await cli(['status', file, ...STATUS])).out;
    const run = await cli(['erase', file, '--person', '赵老师', '--yes']);
    expect(run).toMatchObject({ code: 0, err: '' });
    const statusAfter = (await cli(['status', file, ...STATUS])).out;
    expect(statusAfter).toBe(statusBefore.replaceAll('赵老师', '已删除-1'));
    const sheets = await sheetsOf(file);
    const text = JSON.stringify(sheets);
    expect(text).not.toContain('赵老师');
    expect(text).not.toContain('zhao@school.cn');
    const staff = sheets['人员'];
    const row = staff?.find((line) => line[0] === '已删除-1');
    expect(row?.[1] ?? null).toBeNull();
    expect(column(sheets['走访记录'], '同行人')).toContain('王主任、已删除-1');
    expect(column(sheets['走访记录'], '录入人')).toContain('已删除-1');
    const log = sheets['修改日志'] ?? [];
    expect(log).toHaveLength(2);
    expect(log[1]?.[3]).toBe('已删除-1');
    expect(String(log[1]?.[4])).toContain('教职工');
    expect(String(log[1]?.[4])).toContain('11');
    // The next person erased gets the next number.
    expect((await cli(['erase', file, '--person', '陈红', '--yes'])).code).toBe(0);
    const after = await sheetsOf(file);
    expect(column(after['走访对象'], '姓名')).toContain('已删除-2');
    expect(column(after['走访对象'], '联系方式')).toContain(null);
    expect(after['修改日志']).toHaveLength(3);
  });

  it('with --yes erases a student in every semester’s row and in the home visits of their class, keeping the counts', async () => {
    const dir = await tempDir();
    const file = await writePersonSchool(dir);
    const statusBefore = (await cli(['status', file, ...STATUS])).out;
    expect((await cli(['erase', file, '--student', 'S101', '--yes'])).code).toBe(0);
    const statusAfter = (await cli(['status', file, ...STATUS])).out;
    // Counts unchanged; the one message naming the student (学号 S101 twice in 学生) now shows the new name.
    expect(statusAfter).toBe(statusBefore.replace('（王芳）', '（已删除-1）'));
    const sheets = await sheetsOf(file);
    const students = sheets['学生'] ?? [];
    const mine = students.filter((line) => line[0] === 'S101');
    expect(mine.map((line) => line.slice(1, 6))).toEqual([
      ['已删除-1', '一(1)班', '2027春', null, null],
      ['已删除-1', '二(1)班', '2027秋', null, null],
    ]);
    expect(column(sheets['家访记录'], '学生')).toEqual(['已删除-1、李明', '王芳', 'S101', '陈静']);
    expect(column(sheets['学生'], '姓名')).toContain('王芳'); // S201 of 一(2)班 stays
    expect(sheets['修改日志']).toHaveLength(2);
    expect(JSON.stringify(sheets['修改日志'])).not.toContain('王芳');
  });
});
