// Bad files and bad options: one line on stderr, exit 2, and the file byte-for-byte as it was.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, sha256, tempDir } from './helpers';

const TODAY = '2027-04-20';
let dir: string;
let good: string;

beforeAll(async () => {
  dir = await tempDir();
  good = path.join(dir, 'good.xlsx');
  expect((await cli(['init', good, '--sample', '--today', TODAY])).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A copy of the good workbook changed with exceljs. */
async function variant(name: string, change: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(good);
  change(book);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

async function expectRefused(file: string, pattern: RegExp): Promise<void> {
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  const before = exists ? await sha256(file) : null;
  for (const args of [
    ['validate', file, '--today', TODAY],
    ['validate', file, '--json'],
    ['status', file, '--today', TODAY, '--json'],
    ['status', file],
  ]) {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(pattern);
  }
  if (before === null) expect(await fs.readdir(dir)).not.toContain(path.basename(file));
  else expect(await sha256(file)).toBe(before);
}

describe('a file that cannot be counted', () => {
  it('is missing', async () => {
    await expectRefused(path.join(dir, 'nowhere.xlsx'), /^找不到文件：.*nowhere\.xlsx$/);
  });

  it('is a text file named .xlsx', async () => {
    const file = path.join(dir, 'text.xlsx');
    await fs.writeFile(file, '姓名,部门\n张三,校长室\n');
    await expectRefused(file, /text\.xlsx.*不是有效的 \.xlsx 工作簿/);
  });

  it('is zero bytes, or a workbook with no sheet', async () => {
    const zero = path.join(dir, 'zero.xlsx');
    await fs.writeFile(zero, '');
    await expectRefused(zero, /zero\.xlsx 是空的工作簿/);
    const empty = path.join(dir, 'empty.xlsx');
    await new ExcelJS.Workbook().xlsx.writeFile(empty);
    await expectRefused(empty, /empty\.xlsx 是空的工作簿/);
  });

  it('lacks a required sheet', async () => {
    const file = await variant('no-visits.xlsx', (book) =>
      book.removeWorksheet(book.getWorksheet('走访记录')!.id),
    );
    await expectRefused(file, /缺少工作表“走访记录”/);
  });

  it('has a required header renamed', async () => {
    const file = await variant('renamed.xlsx', (book) => {
      const ws = book.getWorksheet('家访记录')!;
      ws.getRow(1).eachCell((cell) => {
        if (cell.value === '家访教师') cell.value = '老师';
      });
    });
    await expectRefused(file, /工作表“家访记录”缺少必需的列“家访教师”/);
  });

  it('names every shape problem on the one line, in the workbook language', async () => {
    const enFile = path.join(dir, 'en.xlsx');
    expect((await cli(['init', enFile, '--lang', 'en', '--today', TODAY])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(enFile);
    book.removeWorksheet(book.getWorksheet('Students')!.id);
    book.getWorksheet('Visits')!.getCell('D1').value = 'Who'; // Visitor (编号, 校验, 走访日期 before it)
    const file = path.join(dir, 'en-broken.xlsx');
    await book.xlsx.writeFile(file);
    await expectRefused(
      file,
      /^\S+en-broken\.xlsx is not complete enough to count: The sheet "Students" is missing; The sheet "Visits" has no required column "Visitor"$/,
    );
  });
});

describe('init', () => {
  it('refuses to overwrite a file without --force, and leaves it as it was', async () => {
    const before = await sha256(good);
    const run = await cli(['init', good, '--today', TODAY]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`文件已存在：${good}（如需覆盖请加 --force）`);
    expect(await sha256(good)).toBe(before);
  });

  it('overwrites with --force', async () => {
    const file = path.join(dir, 'forced.xlsx');
    await fs.copyFile(good, file);
    const run = await cli(['init', file, '--today', TODAY, '--force']);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('走访记录')!.actualRowCount).toBe(1);
  });

  it('fails in one line when the folder does not exist', async () => {
    const run = await cli(['init', path.join(dir, 'no', 'such', 'dir.xlsx'), '--today', TODAY]);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/无法写入/);
  });
});

describe('wrong options', () => {
  it.each([
    [['validate']],
    [['status', 'a.xlsx', 'b.xlsx']],
    [['frobnicate', 'a.xlsx']],
    [[]],
    [['validate', 'a.xlsx', '--verbose']],
    [['status', 'a.xlsx', '--month', '2027-13']],
    [['validate', 'a.xlsx', '--today', '2027-02-30']],
    [['init', 'a.xlsx', '--lang', 'fr']],
    [['status', 'a.xlsx', '--json=yes']],
  ])('%j: a message, the usage, exit 2, nothing written', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('用法：visit-ledger');
    expect(await fs.readdir(dir)).not.toContain('a.xlsx');
  });
});
