// The command line's manners: --version, COMMAND --help, help in the locale's language, months and days that do
// not exist, files of another kind named as such, and a column the school added reported first as a notice.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../src/local/cli';
import { cli, sha256, tempDir, type Run } from './helpers';

/** Runs the command line with an environment (LANG) as a shell would give it. */
async function cliWith(env: Record<string, string>, args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), now: () => new Date(), env };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--version and COMMAND --help', () => {
  it('--version prints the package version, exit 0', async () => {
    const { version } = JSON.parse(await fs.readFile(path.join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const run = await cli([flag]);
      expect(run).toEqual({ code: 0, out: version, err: '' });
    }
  });

  it.each(['init', 'validate', 'status', 'report', 'remind'])(
    '%s --help prints that command’s usage, exit 0',
    async (name) => {
      const run = await cli([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      expect(run.out).toMatch(new RegExp(`^用法：visit-ledger ${name} FILE`));
      expect(run.out.split('\n')).toHaveLength(1);
    },
  );

  it('help follows LANG: English for en_US, Chinese for zh_CN and by default', async () => {
    expect((await cliWith({ LANG: 'en_US.UTF-8' }, ['--help'])).out).toMatch(/^Usage: visit-ledger/);
    expect((await cliWith({ LANG: 'en_US.UTF-8' }, ['status', '-h'])).out).toMatch(
      /^Usage: visit-ledger status FILE/,
    );
    expect((await cliWith({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US' }, ['--help'])).out).toMatch(/^用法/);
    expect((await cliWith({}, ['--help'])).out).toMatch(/^用法/);
  });
});

describe('a month or a day that does not exist is said to be so', () => {
  it.each([
    [['status', 'x.xlsx', '--month', '2027-13'], '没有这个月份：2027-13'],
    [['report', 'x.xlsx', '--month', '2027-00'], '没有这个月份：2027-00'],
    [['validate', 'x.xlsx', '--today', '2027-02-30'], '没有这一天：2027-02-30'],
    [['status', 'x.xlsx', '--month', '2027/13'], '应为 YYYY-MM 格式的月份'],
  ])('%j', async (args, words) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toContain(words);
  });
});

describe('a file of another kind is named as such, and left untouched', () => {
  const files: Record<string, Buffer> = {
    'school.ods': Buffer.from(
      zipSync({
        mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
        'content.xml': strToU8('<office:document-content/>'),
      }),
    ),
    'school.xls': Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]),
    'school.csv': Buffer.from('姓名,部门\n张校长,校长室\n', 'utf8'),
    // A renamed .xls keeps its kind: the bytes tell, not the extension.
    'renamed.xlsx': Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]),
  };
  const kinds: Record<string, string> = {
    'school.ods': 'OpenDocument 表格（.ods）',
    'school.xls': '旧版 Excel（.xls）',
    'school.csv': 'CSV 文本（.csv）',
    'renamed.xlsx': '旧版 Excel（.xls）',
  };

  it.each(Object.keys(files))(
    '%s: one line naming its kind and saying to save as .xlsx, exit 2',
    async (name) => {
      const dir = await tempDir();
      const file = path.join(dir, name);
      await fs.writeFile(file, files[name]!);
      const before = await sha256(file);
      for (const command of ['validate', 'status']) {
        const run = await cli([command, file]);
        expect(run.code).toBe(2);
        expect(run.err).toBe(
          `${file} 是${kinds[name]}文件，不是 .xlsx 工作簿：请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再试`,
        );
      }
      expect(await sha256(file)).toBe(before);
      await fs.rm(dir, { recursive: true, force: true });
    },
  );
});

describe('a column the school added', () => {
  it('is one notice, listed before the row problems, and not counted as a warning', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 's.xlsx');
    expect((await cli(['init', file, '--sample', '--today', '2027-11-15'])).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('走访记录')!;
    sheet.getRow(1).getCell(sheet.columnCount + 1).value = '学校自加列';
    await book.xlsx.writeFile(file);
    const before = await cli(['validate', file, '--today', '2027-11-15']);
    const lines = before.out.split('\n');
    expect(lines[0]).toBe('提示  走访记录!1：工作表“走访记录”有未识别的列“学校自加列”（不影响统计）');
    expect(lines.filter((l) => l.includes('学校自加列'))).toHaveLength(1);
    const summary = lines[lines.length - 1]!;
    const warnings = lines.filter((l) => l.startsWith('提醒')).length;
    expect(summary).toContain(`${warnings} 条提醒`);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
