// The playground's --help / -h: its usage (options and PORT) in the locale's language or --lang's, exit 0, nothing started.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { start, type StartIo } from '../../src/local/start';

const ROOT = join(__dirname, '..', '..');
const START = join(ROOT, 'dist-node', 'start.js');

function io(): StartIo & { out: jest.Mock; err: jest.Mock; text: () => string } {
  const out = jest.fn();
  const err = jest.fn();
  return { out, err, text: () => out.mock.calls.map((c) => String(c[0])).join('\n') };
}

describe('start --help', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'vl-help-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it.each([['--help'], ['-h'], ['--workbook', 'x.xlsx', '--help']])(
    '%s prints the Chinese usage and answers 0, making no workbook',
    async (...args) => {
      const screen = io();
      expect(await start(args, screen, { LANG: 'zh_CN.UTF-8' }, cwd, ROOT)).toBe(0);
      const text = screen.text();
      expect(text).toMatch(/^用法：npm start -- \[选项\]/);
      for (const option of ['--workbook 文件.xlsx', '--today YYYY-MM-DD', '--lang zh|en', '-h, --help'])
        expect(text).toContain(option);
      expect(text).toContain('环境变量：PORT 端口（默认 8080');
      expect(screen.err).not.toHaveBeenCalled();
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it('in English under an English locale, or with --lang en', async () => {
    const a = io();
    expect(await start(['--help'], a, { LANG: 'en_US.UTF-8' }, cwd, ROOT)).toBe(0);
    expect(a.text()).toMatch(/^Usage: npm start -- \[options\]/);
    expect(a.text()).toContain('Environment: PORT the port (default 8080');
    const b = io();
    expect(await start(['--lang', 'en', '-h'], b, {}, cwd, ROOT)).toBe(0);
    expect(b.text()).toBe(a.text());
  });

  it('an unknown option still says it is invalid and answers 2', async () => {
    const screen = io();
    expect(await start(['--hlep'], screen, {}, cwd, ROOT)).toBe(2);
    expect(screen.err.mock.calls[0]?.[0]).toBe(
      '选项“--hlep”无效：--workbook FILE.xlsx | --today YYYY-MM-DD | --lang zh|en',
    );
  });

  it('node dist-node/start.js --help: the usage on stdout, exit 0', async () => {
    if (!existsSync(START)) throw new Error('run npm run build first');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [START, '--help'], {
      cwd,
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    });
    expect(stdout).toMatch(/^用法：npm start -- \[选项\]（或 node dist-node\/start\.js \[选项\]）\n/);
    expect(stdout).toContain('--today YYYY-MM-DD');
    expect(stderr).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
