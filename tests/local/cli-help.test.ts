// The command line's help and usage: --help answers on stdout with exit 0; a call without a workbook is a usage error.
import { cli } from './helpers';

describe('visit-ledger --help', () => {
  it('prints the usage of every command on stdout and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    for (const command of ['init', 'validate', 'status', 'report', 'remind'])
      expect(run.out).toContain(command);
  });

  it('exits 2 with the usage on stderr when no command is given', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('用法');
  });
});

describe('messages for mistyped options, all in the school’s language', () => {
  it.each([
    [['status', 'x.xlsx', '--bogus'], '未知选项“--bogus”'],
    [['status', 'x.xlsx', '--month'], '选项“--month”后面要写一个值'],
    [['status', 'x.xlsx', '--json=1'], '选项“--json”不带值'],
    [['report', 'x.xlsx'], '缺少 --month YYYY-MM（要生成哪个月的月报）'],
  ])('%j → %s, exit 2', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe(message);
    expect(run.err).not.toMatch(/Unknown option|argument missing|does not take/);
  });

  it('names the missing folder when init cannot write', async () => {
    const run = await cli(['init', 'no-such-folder/x.xlsx']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^无法写入 no-such-folder\/x\.xlsx：文件夹 .*no-such-folder 不存在\n?$/);
  });
});
